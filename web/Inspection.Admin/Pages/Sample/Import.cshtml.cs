using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Sampling;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Sample;

/// <summary>Imports a caseload CSV as a new snapshot; every bad row is listed and nothing is sent until none is.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class ImportModel(RecommendationTracking.RecommendationTrackingClient tracking, CaseloadImport import, AdminStore audit) : PageModel
{
    private const int ErrorsShown = 25;

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();

    [BindProperty] public IFormFile? CaseloadFile { get; set; }
    [BindProperty] public DateParts TakenOn { get; set; } = new();
    [BindProperty] public string? Description { get; set; }

    public IReadOnlyList<string> RowErrors { get; private set; } = [];
    public int MoreErrors { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken ct) =>
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, new CallOptions(cancellationToken: ct));

    /// <summary>The CSV template: every column and one made-up example row.</summary>
    public IActionResult OnGetTemplate() =>
        File(System.Text.Encoding.UTF8.GetBytes(CaseloadColumns.Template()), "text/csv", "caseload-template.csv");

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        var takenOn = TakenOn.Read(ModelState, nameof(TakenOn), "Date the caseload was taken", required: true);
        if (CaseloadFile is null || CaseloadFile.Length == 0) ModelState.AddModelError(nameof(CaseloadFile), "Select a caseload CSV file");
        if (!ModelState.IsValid) return Page();

        await using var stream = CaseloadFile!.OpenReadStream();
        var checkedFile = CaseloadImport.Read(stream);
        if (checkedFile.Errors.Count > 0)
        {
            RowErrors = checkedFile.Errors.Take(ErrorsShown)
                .Select(e => $"Row {e.Row}{(e.Field.Length > 0 ? $", {e.Field}" : "")}: {e.Reason}").ToList();
            MoreErrors = Math.Max(0, checkedFile.Errors.Count - ErrorsShown);
            ModelState.AddModelError(nameof(CaseloadFile), $"The file has {checkedFile.Errors.Count} row error{(checkedFile.Errors.Count == 1 ? "" : "s")}: nothing was imported. Correct them and select the file again.");
            return Page();
        }
        if (checkedFile.Rows.Count == 0)
        {
            ModelState.AddModelError(nameof(CaseloadFile), "The file has no cases");
            return Page();
        }
        try
        {
            var snapshot = await import.SendAsync(Inspection.ProviderId, takenOn!, Description?.Trim() ?? "", checkedFile, ct);
            await audit.AppendAuditAsync(User.RecordedBy(), "caseload imported", Inspection.ProviderName, $"snapshot version {snapshot.Version}, {snapshot.CaseCount} cases", ct);
            TempData["Notice"] = $"Imported {snapshot.CaseCount} cases as caseload snapshot version {snapshot.Version}";
            return Redirect($"/inspections/{id}/sample");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.CaseSampling, new Dictionary<string, string> { ["taken_on"] = nameof(TakenOn), ["description"] = nameof(Description) });
            return Page();
        }
    }
}
