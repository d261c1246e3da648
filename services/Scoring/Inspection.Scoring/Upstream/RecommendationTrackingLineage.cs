using System.Collections.Concurrent;
using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Dates;
using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.V1;
using Inspection.Scoring.Application;
using Inspection.Scoring.Domain.History;

namespace Inspection.Scoring.Upstream;

/// <summary>
/// The register's published inspections (ListInspections, a page of 1,000 at a time) and each provider's lineage
/// (GetLineage, a few at a time: one call gives every ancestor with its links), as the RPC policy opens them to this
/// service. Failures are the one client way's (UpstreamException: UNAVAILABLE naming recommendation-tracking).
/// </summary>
public sealed class RecommendationTrackingLineage(RecommendationTracking.RecommendationTrackingClient client) : IPublishedRegister
{
    private const int CallsAtOnce = 8;

    public async Task<IReadOnlyList<PublishedInspection>> ListPublishedInspectionsAsync(CancellationToken ct)
    {
        var result = new List<PublishedInspection>();
        var request = new ListInspectionsRequest { Status = InspectionStatus.Published.Word(), PageSize = 1000 };
        while (true)
        {
            var page = await client.ListInspectionsAsync(request, cancellationToken: ct);
            foreach (var inspection in page.Inspections)
                if (CalendarDate.TryParse(inspection.PublishedOn, out var publishedOn))
                    result.Add(new PublishedInspection(inspection.InspectionId, inspection.ProviderId, inspection.FrameworkId, publishedOn));
            if (string.IsNullOrEmpty(page.NextPageToken)) return result;
            request.PageToken = page.NextPageToken;
        }
    }

    public async Task<IReadOnlyDictionary<string, RegisteredProvider>> WithAncestorsAsync(IReadOnlyCollection<string> providerIds, CancellationToken ct)
    {
        var providers = new ConcurrentDictionary<string, RegisteredProvider>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(providerIds.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = CallsAtOnce, CancellationToken = ct },
            async (id, token) =>
            {
                var lineage = await client.GetLineageAsync(new GetLineageRequest { ProviderId = id }, cancellationToken: token);
                // Every link of the ancestry names its successor: the direct predecessors of each provider in it.
                var predecessorsOf = lineage.Ancestors.GroupBy(a => a.SuccessorProviderId, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.PredecessorProviderId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
                foreach (var provider in lineage.Ancestors.Select(a => a.Provider).Append(lineage.Provider))
                    providers.TryAdd(provider.ProviderId, new RegisteredProvider(provider.ProviderId, provider.Name, provider.Region,
                        predecessorsOf.GetValueOrDefault(provider.ProviderId) ?? []));
            });
        return providers;
    }
}
