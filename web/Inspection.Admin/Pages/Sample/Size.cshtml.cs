using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Sample;

/// <summary>
/// The sample size calculator: a question asked of case sampling, which changes nothing (a GET form, like a search,
/// so any role may use it). Opened without figures, it is filled from the newest complete caseload snapshot of the
/// inspected provider and answers at once.
/// </summary>
public sealed class SizeModel(RecommendationTracking.RecommendationTrackingClient tracking, CaseSampling.CaseSamplingClient sampling) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["population_size"] = nameof(Population),
        ["calculated_size.confidence_level"] = nameof(Confidence),
        ["calculated_size.margin_of_error"] = nameof(Margin),
        ["calculated_size.expected_proportion"] = nameof(Margin),
        ["calculated_size.applicable_share"] = nameof(Share),
    };

    public string InspectionId { get; private set; } = "";
    [BindProperty(SupportsGet = true)] public string? Population { get; set; }
    [BindProperty(SupportsGet = true)] public string? Confidence { get; set; }
    [BindProperty(SupportsGet = true)] public string? Margin { get; set; }
    /// <summary>Optional: the share of cases a key question applies to, to plan its margin on that part.</summary>
    [BindProperty(SupportsGet = true)] public string? Share { get; set; }

    public SampleSize? Result { get; private set; }

    /// <summary>The snapshot the population was filled from, when the page opened without figures.</summary>
    public Snapshot? FilledFrom { get; private set; }

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        InspectionId = id;
        ModelState.Clear();
        if (Population is null && Confidence is null && Margin is null)
        {
            Confidence = "80";
            Margin = "5";
            var options = new CallOptions(cancellationToken: ct);
            var inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
            FilledFrom = (await sampling.ListSnapshotsAsync(new ListSnapshotsRequest { ProviderId = inspection.ProviderId }, options)).Snapshots
                .Where(s => s.Status.Is(SnapshotStatus.Complete)).MaxBy(s => s.Version);
            if (FilledFrom is null) return;
            Population = FilledFrom.CaseCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (!long.TryParse(Population, out var population)) ModelState.AddModelError(nameof(Population), "Enter the population size as a whole number, like 1200");
        if (!double.TryParse(Confidence, System.Globalization.CultureInfo.InvariantCulture, out var confidence)) ModelState.AddModelError(nameof(Confidence), "Enter the confidence level as a number, like 80");
        if (!double.TryParse(Margin, System.Globalization.CultureInfo.InvariantCulture, out var margin)) ModelState.AddModelError(nameof(Margin), "Enter the margin of error as a number, like 5");
        double? share = null;
        if (!string.IsNullOrWhiteSpace(Share))
        {
            if (double.TryParse(Share, System.Globalization.CultureInfo.InvariantCulture, out var given)) share = given;
            else ModelState.AddModelError(nameof(Share), "Enter the share of cases as a percentage, like 40, or leave it empty for the whole sample");
        }
        if (!ModelState.IsValid) return;
        try
        {
            var figures = new SizeForConfidence { ConfidenceLevel = confidence, MarginOfError = margin };
            if (share is { } s) figures.ApplicableShare = s;
            Result = await sampling.CalculateSampleSizeAsync(new CalculateSampleSizeRequest
            {
                PopulationSize = population,
                CalculatedSize = figures,
            }, new CallOptions(cancellationToken: ct));
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.CaseSampling, Fields);
        }
    }
}
