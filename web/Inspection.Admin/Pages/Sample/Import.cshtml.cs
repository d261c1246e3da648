using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Sampling;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Sample;

/// <summary>
/// Imports a caseload CSV as a new snapshot: the file goes to case sampling as it is, which imports it or lists every
/// bad row (nothing is imported until none is). The columns, their words and the template are case sampling's own.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class ImportModel(RecommendationTracking.RecommendationTrackingClient tracking, CaseSampling.CaseSamplingClient sampling,
    CaseloadImport import, AdminStore audit) : PageModel
{
    private const int ErrorsShown = 25;

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public CaseloadFileFormat Format { get; private set; } = new();

    [BindProperty] public IFormFile? CaseloadFile { get; set; }
    [BindProperty] public DateParts TakenOn { get; set; } = new();
    [BindProperty] public string? Description { get; set; }
    /// <summary>Kept while the form is corrected: a second press of the button is answered with the first import.</summary>
    [BindProperty] public string? RequestId { get; set; }

    /// <summary>Each refused row: its number, the file's column header (the file's own word), and what is wrong in words.</summary>
    public IReadOnlyList<(long Row, string Column, string Message)> RowErrors { get; private set; } = [];
    public int MoreErrors { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        Format = await sampling.DescribeCaseloadFileAsync(new DescribeCaseloadFileRequest(), options);
        if (string.IsNullOrWhiteSpace(RequestId)) RequestId = Guid.NewGuid().ToString();
    }

    /// <summary>The CSV template: every column and one made-up example row.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var format = await sampling.DescribeCaseloadFileAsync(new DescribeCaseloadFileRequest(), new CallOptions(cancellationToken: ct));
        return File(System.Text.Encoding.UTF8.GetBytes(format.Template), "text/csv", "caseload-template.csv");
    }

    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["header.taken_on"] = nameof(TakenOn), ["header.description"] = nameof(Description), ["header.file_name"] = nameof(CaseloadFile),
        ["header.format"] = nameof(CaseloadFile), ["data"] = nameof(CaseloadFile),
    };

    private void ShowRowErrors(CaseloadRefusal refused)
    {
        RowErrors = refused.Errors.Take(ErrorsShown)
            .Select(e => (e.Row, e.Column, FieldLabels.Message(e.Column, e.Message))).ToList();
        MoreErrors = Math.Max(0, refused.ErrorCount - RowErrors.Count);
        ModelState.AddModelError(nameof(CaseloadFile), $"The file has {refused.ErrorCount} row error{(refused.ErrorCount == 1 ? "" : "s")}: nothing was imported. Correct them and select the file again.");
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await OnGetAsync(id, ct);
        var takenOn = TakenOn.Read(ModelState, nameof(TakenOn), "Date the caseload was taken", required: true);
        if (CaseloadFile is null) ModelState.AddModelError(nameof(CaseloadFile), "Select a caseload CSV file");
        else if (CaseloadFile.Length == 0) ModelState.AddModelError(nameof(CaseloadFile), "The selected file is empty");
        else if (CaseloadFile.Length > Format.MaxBytes)
            ModelState.AddModelError(nameof(CaseloadFile), $"The selected file must be smaller than {Format.MaxBytes / (1024 * 1024)} MB");
        var fileUsable = ModelState.GetFieldValidationState(nameof(CaseloadFile)) != ModelValidationState.Invalid && CaseloadFile is not null;
        var header = new UploadCaseloadHeader
        {
            RequestId = RequestId ?? "", ProviderId = Inspection.ProviderId, TakenOn = takenOn ?? "", Description = Description?.Trim() ?? "",
            FileName = fileUsable ? CaseloadFile!.FileName : "", SizeBytes = fileUsable ? CaseloadFile!.Length : 0,
        };
        if (!ModelState.IsValid)
        {
            // The date and the description checked with the file, or without it when the file itself is what is wrong.
            await ModelState.AddServiceChecksAsync(async () =>
            {
                await using var checkedFile = fileUsable ? CaseloadFile!.OpenReadStream() : Stream.Null;
                var checkedAnswer = await import.SendAsync(header.ChecksOnly(), checkedFile, Format.RecommendedChunkBytes, ct);
                if (checkedAnswer.OutcomeCase == UploadCaseloadResponse.OutcomeOneofCase.Refused) ShowRowErrors(checkedAnswer.Refused);
            }, ServiceNames.CaseSampling, Fields);
            return Page();
        }

        try
        {
            await using var stream = CaseloadFile!.OpenReadStream();
            var answer = await import.SendAsync(header, stream, Format.RecommendedChunkBytes, ct);
            if (answer.OutcomeCase == UploadCaseloadResponse.OutcomeOneofCase.Refused)
            {
                ShowRowErrors(answer.Refused);
                return Page();
            }
            var snapshot = answer.Imported;
            await audit.AppendAuditAsync(User.RecordedBy(), "caseload imported", Inspection.ProviderName, $"snapshot version {snapshot.Version}, {snapshot.CaseCount} cases", ct);
            TempData["Notice"] = $"Imported {snapshot.CaseCount} cases as caseload snapshot version {snapshot.Version}";
            return Redirect($"/inspections/{id}/sample");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.CaseSampling, Fields);
            if (e.StatusCode != Grpc.Core.StatusCode.InvalidArgument) RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }
}
