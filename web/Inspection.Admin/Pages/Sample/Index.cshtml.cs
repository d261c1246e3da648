using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Sample;

/// <summary>An inspection's current sample: parameters, strata with reserves, the cases, substitutions.</summary>
public sealed class IndexModel(RecommendationTracking.RecommendationTrackingClient tracking, CaseSampling.CaseSamplingClient sampling) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public Inspection.Sampling.V1.Sample? Current { get; private set; }
    public IReadOnlyList<Snapshot> Snapshots { get; private set; } = [];
    /// <summary>Snapshots withdrawn as mistaken: kept in the history, offered for no draw.</summary>
    public IReadOnlyList<Snapshot> Withdrawn { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Presentation.PageLinks CasePages { get; private set; } = Presentation.PageLinks.For(1, Presentation.PageLinks.CasesPerPage, 0, _ => "");

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        var snapshots = sampling.ListSnapshotsAsync(new ListSnapshotsRequest { ProviderId = Inspection.ProviderId, IncludeWithdrawn = true }, options);
        var samples = await sampling.ListSamplesAsync(new ListSamplesRequest { InspectionId = id }, options);
        if (samples.Samples.FirstOrDefault(s => s.Current) is { } current)
            Current = await sampling.GetSampleAsync(new GetSampleRequest { SampleId = current.SampleId }, options);
        var all = (await snapshots).Snapshots.OrderByDescending(s => s.Version).ToList();
        Snapshots = all.Where(s => !s.Withdrawn).ToList();
        Withdrawn = all.Where(s => s.Withdrawn).ToList();
        CasePages = Presentation.PageLinks.For(Presentation.PageLinks.FromQuery(PageNumber), Presentation.PageLinks.CasesPerPage, Current?.Cases.Count ?? 0,
            n => $"/inspections/{id}/sample?p={n}#sample-cases");
    }
}
