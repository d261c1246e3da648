using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Plans;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using GrpcStatus = Grpc.Core.StatusCode;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Plans;

/// <summary>
/// An inspection's action plan as a spreadsheet (issue 23): the template (XLSX or CSV) filled with its recommendations
/// and what is recorded, and the filled file imported back. A bad row refuses the whole file with a message per row;
/// the same file twice changes nothing; a row that moves a target date needs its reason.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class ImportModel(
    RecommendationTracking.RecommendationTrackingClient tracking, RecommendationPlans.RecommendationPlansClient plans, AdminStore audit) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public IReadOnlyList<RecommendationPlan> Plans { get; private set; } = [];

    [BindProperty] public IFormFile? PlanFile { get; set; }
    /// <summary>Kept while the form is corrected: a second press of the button is answered with the first import.</summary>
    [BindProperty] public string? RequestId { get; set; }

    public IReadOnlyList<string> RowErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        RequestId = Guid.NewGuid().ToString();
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? File(Admin.Plans.PlanFile.Xlsx(Plans), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(".xlsx"));

    public async Task<IActionResult> OnGetCsvAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? File(Admin.Plans.PlanFile.Csv(Plans), "text/csv", FileName(".csv"));

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (PlanFile is null || PlanFile.Length == 0) ModelState.AddModelError(nameof(PlanFile), "Select the filled-in action plan (XLSX or CSV)");
        else if (PlanFile.Length > Admin.Plans.PlanFile.MaxBytes) ModelState.AddModelError(nameof(PlanFile), "The selected file must be smaller than 5 MB");
        if (!ModelState.IsValid) return Page();

        await using var stream = new MemoryStream();
        await PlanFile!.CopyToAsync(stream, ct);
        stream.Position = 0;
        var (rows, unreadable) = Admin.Plans.PlanFile.Read(stream, PlanFile.FileName);
        if (unreadable is not null)
        {
            ModelState.AddModelError(nameof(PlanFile), unreadable);
            return Page();
        }
        try
        {
            var imported = await plans.ImportPlanAsync(new ImportPlanRequest
            {
                RequestId = string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId, InspectionId = id, Rows = { rows }, RecordedBy = User.RecordedBy(),
            }, new CallOptions(cancellationToken: ct));
            var changes = imported.ResponsesRecorded + imported.ActionsAdded + imported.ActionsChanged + imported.DatesRevised;
            await audit.AppendAuditAsync(User.RecordedBy(), "action plan imported", Inspection.ProviderName,
                $"{imported.ResponsesRecorded} responses, {imported.ActionsAdded} actions added, {imported.ActionsChanged} changed, {imported.DatesRevised} dates revised", ct);
            TempData["Notice"] = changes == 0
                ? "The action plan was imported: it matched what is recorded, so nothing changed"
                : $"The action plan was imported: {Count(imported.ResponsesRecorded, "response")} recorded, {Count(imported.ActionsAdded, "action")} added, "
                  + $"{Count(imported.ActionsChanged, "action")} changed and {Count(imported.DatesRevised, "target date")} revised";
            return Redirect($"/inspections/{id}/plan");
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.InvalidArgument && e.FieldViolations.Count > 0)
        {
            RowErrors = e.FieldViolations.Select(v => PlanWords.RowError(v.Field, v.Description)).ToList();
            ModelState.AddModelError(nameof(PlanFile),
                $"The file has {RowErrors.Count} error{(RowErrors.Count == 1 ? "" : "s")}: nothing was imported. Correct them and select the file again.");
            return Page();
        }
        catch (RpcException e)
        {
            ModelState.AddModelError(nameof(PlanFile), PlanWords.Dated(ServiceErrors.Refusal(e, ServiceNames.RecommendationTracking)));
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";

    private string FileName(string extension) =>
        $"action-plan-{string.Concat(Inspection.ProviderName.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-')}{extension}";

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out _)) return NotFound();
        var options = new CallOptions(cancellationToken: ct);
        try
        {
            Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.NotFound)
        {
            return NotFound();
        }
        if (!Inspection.Status.Is(InspectionStatus.Published)) return NotFound();
        Plans = (await plans.ListInspectionPlansAsync(new ListInspectionPlansRequest { InspectionId = id }, options)).Plans;
        return null;
    }
}
