using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using GrpcStatus = Grpc.Core.StatusCode;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Report;

/// <summary>
/// Puts a published inspection's dates right (lead inspectors): its publication date and fieldwork dates, as a
/// correction with its reason. Recommendation tracking holds the corrected dates to the same rules as publishing and
/// keeps each correction; the report then says what was corrected, when and why.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class CorrectDatesModel(RecommendationTracking.RecommendationTrackingClient tracking, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["published_on"] = nameof(PublishedOn), ["fieldwork_start"] = nameof(FieldworkStart), ["fieldwork_end"] = nameof(FieldworkEnd),
        ["correction_reason"] = nameof(CorrectionReason),
    };

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    [BindProperty] public DateParts PublishedOn { get; set; } = new();
    [BindProperty] public DateParts FieldworkStart { get; set; } = new();
    [BindProperty] public DateParts FieldworkEnd { get; set; } = new();
    [BindProperty] public string? CorrectionReason { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? RequestId { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        PublishedOn = DateParts.FromIso(Inspection.PublishedOn);
        FieldworkStart = DateParts.FromIso(Inspection.FieldworkStart);
        FieldworkEnd = DateParts.FromIso(Inspection.FieldworkEnd);
        Version = Inspection.Version;
        RequestId = Guid.NewGuid().ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var publishedOn = PublishedOn.Read(ModelState, nameof(PublishedOn), "Publication date", required: true);
        var fieldworkStart = FieldworkStart.Read(ModelState, nameof(FieldworkStart), "First day of fieldwork", required: false);
        var fieldworkEnd = FieldworkEnd.Read(ModelState, nameof(FieldworkEnd), "Last day of fieldwork", required: false);
        if (string.IsNullOrWhiteSpace(CorrectionReason)) ModelState.AddModelError(nameof(CorrectionReason), "Enter the reason for the correction");
        // Only what differs from the published record is sent: the rest stays as published.
        var request = new CorrectPublishedInspectionRequest
        {
            RequestId = string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId,
            InspectionId = id, ExpectedVersion = Version,
            PublishedOn = Changed(publishedOn, Inspection.PublishedOn),
            FieldworkStart = Changed(fieldworkStart, Inspection.FieldworkStart),
            FieldworkEnd = Changed(fieldworkEnd, Inspection.FieldworkEnd),
            CorrectionReason = CorrectionReason?.Trim() ?? "", CorrectedBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            // A date that could not be read goes as unchanged, so the service would hold the date that follows it to
            // the published one: what it says of that later date waits for the next submit.
            var fields = new Dictionary<string, string>(Fields);
            if (fieldworkStart is null && !FieldworkStart.IsEmpty) fields["fieldwork_end"] = nameof(FieldworkStart);
            if (fieldworkEnd is null && !FieldworkEnd.IsEmpty) fields["published_on"] = nameof(FieldworkEnd);
            await ModelState.AddServiceChecksAsync(async () => await tracking.CorrectPublishedInspectionAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.RecommendationTracking, fields);
            return Page();
        }
        try
        {
            var corrected = await tracking.CorrectPublishedInspectionAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "published inspection corrected", corrected.ProviderName,
                string.Join("; ", corrected.Corrections.TakeLast(3).Select(c => $"{c.Fact} {c.PreviousValue} to {c.CorrectedValue}")), ct);
            TempData["Notice"] = "The inspection's dates were corrected. The published report now shows the correction and its reason.";
            return Redirect($"/inspections/{id}/report");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.RecommendationTracking, Fields);
            if (e.StatusCode == GrpcStatus.Aborted)
            {
                Version = Inspection.Version;
                ModelState.Remove(nameof(Version));
            }
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private static string Changed(string? typed, string published) => typed is null || typed == published ? "" : typed;

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out _)) return NotFound();
        try
        {
            Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, new CallOptions(cancellationToken: ct));
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.NotFound)
        {
            return NotFound();
        }
        return Inspection.Status.Is(InspectionStatus.Published) ? null : NotFound();
    }
}
