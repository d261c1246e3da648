using Inspection.Admin.Accounts;
using Inspection.Admin.Presentation;
using Inspection.Admin.Publishing;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.Report;

/// <summary>
/// The report: ratings, recommendations, the annex of progress against previous recommendations and the
/// inspection-data annex. Each part comes from the service that owns it; a part whose service is away says so. With
/// <c>print=true</c> it is the print layout the PDF is made from (cover, contents, no navigation); the PDF and the
/// data annexe are this page's downloads.
/// </summary>
public sealed class IndexModel(
    RecommendationTracking.RecommendationTrackingClient tracking,
    AssessmentScoring.AssessmentScoringClient scoring,
    CaseSampling.CaseSamplingClient sampling,
    OrganisationalEvidence.OrganisationalEvidenceClient evidence,
    ReportPdfs pdfs, ReportPdfStore stored, DataAnnexe annexe, OpenDataExport openData, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>The provider's published ratings over time, through its predecessors, up to this inspection (the open
    /// data's time series; issue 25); null when assessment scoring did not answer.</summary>
    public IReadOnlyList<Inspection.OpenData.V1.RatingHistoryRow>? RatingHistory { get; private set; }
    private bool _ratingHistoryUnanswered;

    private ReportRecord _record = null!;

    [BindProperty(SupportsGet = true)] public bool Print { get; set; }

    public ReportRecord Record => _record;
    public Inspection.Recommendations.V1.Inspection Inspection => _record.Inspection;
    public RatingsView? Ratings { get; private set; }
    public IReadOnlyList<Recommendation> Recommendations => _record.Recommendations;
    public ListDueForJudgementResponse? Progress => _record.Progress;
    public SampleSummary? Sample => _record.Sample;
    public StaffingReturn? Staffing => _record.Staffing;
    public CaseCharacteristicsTable? Characteristics => _record.Characteristics;
    public IReadOnlyList<ReportAmendment> Amendments => _record.Amendments;
    /// <summary>The PDFs stored for a published inspection, oldest first.</summary>
    public IReadOnlyList<ReportPdf> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        await LoadRatingHistoryAsync(ct);
        // The printer must not print a published report with a part missing: it would be kept as the record.
        if (Print && _record.Published && (!_record.Complete || _ratingHistoryUnanswered)) return StatusCode(StatusCodes.Status503ServiceUnavailable);
        if (!Print && _record.Published) Versions = await stored.ListAsync(id, ct);
        return Page();
    }

    private async Task LoadRatingHistoryAsync(CancellationToken ct)
    {
        try
        {
            var rows = (await openData.RatingHistoryAsync(Inspection.ProviderId, ct)).Rows;
            // What was published up to this report (a draft: everything published so far).
            var upTo = Inspection.PublishedOn;
            RatingHistory = rows.Where(r => upTo.Length == 0 || string.CompareOrdinal(r.PublishedOn, upTo) <= 0).ToList();
        }
        catch (Grpc.Core.RpcException e)
        {
            logger.LogWarning("The ratings over time of inspection {InspectionId} were not read: {Status}", Inspection.InspectionId, e.Status);
            RatingHistory = null;
            _ratingHistoryUnanswered = e.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded
                or Grpc.Core.StatusCode.ResourceExhausted or Grpc.Core.StatusCode.Internal or Grpc.Core.StatusCode.Unknown;
        }
    }

    /// <summary>The report as a PDF: a draft printed now, a published report as stored (printed and stored on first asking).</summary>
    public async Task<IActionResult> OnGetPdfAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        // A service busy for a moment leaves a part out; a published report is read again before it is refused.
        for (var attempt = 1; attempt < 3 && _record.Published && !_record.Complete; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
            await LoadAsync(id, ct);
        }
        ReportPdfFile file;
        try
        {
            file = await pdfs.CurrentAsync(_record, ReportPdfs.SelfAddress(HttpContext), Request.Cookies, User.RecordedBy(), ct);
        }
        catch (Exception e) when (e is Microsoft.Playwright.PlaywrightException or TimeoutException or InvalidOperationException)
        {
            logger.LogError(e, "The report PDF of inspection {InspectionId} could not be printed", id);
            TempData["Important"] = "The report PDF could not be printed just now, and nothing was stored. Try again in a minute; if it fails again, tell whoever runs the system.";
            return Redirect($"/inspections/{id}/report");
        }
        var name = FileName(file.Stored is { } v ? $"report-version-{v.Version}" : "report-draft", ".pdf");
        return PdfResult(file.Content, file.Sha256, name);
    }

    /// <summary>A stored version of a published report's PDF, byte for byte as first stored.</summary>
    public async Task<IActionResult> OnGetVersionAsync(string id, int version, CancellationToken ct)
    {
        var versions = await stored.ListAsync(id, ct);
        if (versions.FirstOrDefault(v => v.Version == version) is not { } pdf || await stored.ContentAsync(id, version, ct) is not { } content) return NotFound();
        _record = await ReportRecord.LoadAsync(tracking, scoring, sampling, evidence, id, ct);   // for the file's name
        return PdfResult(content, pdf.Sha256, FileName($"report-version-{version}", ".pdf"));
    }

    /// <summary>The data annexe: every key question's and prompt's figures, the sample and its composition check.</summary>
    public async Task<IActionResult> OnGetAnnexeXlsxAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var data = await annexe.ReadAsync(_record, ct);
        return File(DataAnnexe.Xlsx(data), Spreadsheets.XlsxType, FileName("data-annexe", ".xlsx"));
    }

    /// <summary>One table of the data annexe as CSV (<c>part</c>: figures, sample, strata or composition).</summary>
    public async Task<IActionResult> OnGetAnnexeCsvAsync(string id, string? part, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var data = await annexe.ReadAsync(_record, ct);
        return DataAnnexe.Csv(data, part) is { } csv
            ? File(csv, Spreadsheets.CsvType, FileName($"data-annexe-{(string.IsNullOrEmpty(part) ? "figures" : part.ToLowerInvariant())}", ".csv"))
            : NotFound();
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        _record = await ReportRecord.LoadAsync(tracking, scoring, sampling, evidence, id, ct);
        Ratings = _record.RatingsView;
    }

    private FileContentResult PdfResult(byte[] content, string sha256, string name)
    {
        // The digest travels with the file, so whoever downloads it can check it against the one the page lists.
        Response.Headers.ETag = $"\"{sha256}\"";
        Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(sha256))}:";
        return File(content, "application/pdf", name);
    }

    private string FileName(string what, string extension) => Spreadsheets.FileName(_record.Inspection, what, extension);
}
