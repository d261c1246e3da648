using System.Globalization;
using Inspection.Scoring.Data;
using Inspection.Scoring.Domain.History;

namespace Inspection.Scoring.Application;

/// <summary>
/// The national time series of published ratings (issue 25, opendata.proto ListRatingHistory): the ratings this
/// service stored at publication, the register's published inspections and lineage, joined by the domain's
/// <see cref="RatingHistory"/>; then filtered and paged. Previous ratings are always found over the whole record, so
/// a filter never hides a predecessor's rating.
/// </summary>
public sealed class NationalRatingHistory(RatingHistoryStore store, IPublishedRegister register, StandardCorrespondences correspondences)
{
    public const int DefaultPageSize = 1000;
    public const int MaxPageSize = 5000;

    public sealed record Query(string ProviderId, string Region, string FrameworkId, int PageSize, string PageToken);

    public sealed record Page(IReadOnlyList<RatingHistoryRow> Rows, string NextPageToken, int TotalRows);

    public async Task<Page> ListAsync(Query query, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (query.PageSize < 0) violations.Add(new FieldViolation("page_size", "must not be negative"));
        var offset = 0;
        if (query.PageToken.Length > 0 && (!int.TryParse(query.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
            violations.Add(new FieldViolation("page_token", "is not a page token this service gave"));
        if (query.FrameworkId.Length > 0 && !correspondences.Knows(query.FrameworkId))
            violations.Add(new FieldViolation("framework_id", $"'{query.FrameworkId}' is not a programme of frameworks.json"));
        if (violations.Count > 0) throw new ValidationException(violations);

        var ratingsTask = store.ListAsync(ct);
        var inspections = await register.ListPublishedInspectionsAsync(ct);
        var providers = await register.WithAncestorsAsync(inspections.Select(i => i.ProviderId).ToList(), ct);
        var rows = RatingHistory.Build(inspections, await ratingsTask, providers, correspondences);

        IEnumerable<RatingHistoryRow> selected = rows;
        if (query.ProviderId.Length > 0)
        {
            // A provider not inspected itself (a successor, say) still has its predecessors' ratings.
            if (!providers.ContainsKey(query.ProviderId))
                providers = providers.Concat(await register.WithAncestorsAsync([query.ProviderId], ct))
                    .GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            var line = AncestryOf(query.ProviderId, providers);
            selected = selected.Where(r => line.Contains(r.Provider.ProviderId));
        }
        if (query.Region.Length > 0) selected = selected.Where(r => string.Equals(r.Provider.Region, query.Region, StringComparison.OrdinalIgnoreCase));
        if (query.FrameworkId.Length > 0) selected = selected.Where(r => r.Inspection.FrameworkId == query.FrameworkId);
        var all = selected.ToList();
        var size = query.PageSize == 0 ? DefaultPageSize : Math.Min(query.PageSize, MaxPageSize);
        var page = all.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < all.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : "";
        return new Page(page, next, all.Count);
    }

    /// <summary>The provider and every provider it was formed from.</summary>
    private static HashSet<string> AncestryOf(string providerId, IReadOnlyDictionary<string, RegisteredProvider> providers)
    {
        var found = new HashSet<string>(StringComparer.Ordinal) { providerId };
        var waiting = new Queue<string>([providerId]);
        while (waiting.TryDequeue(out var id))
            foreach (var predecessor in providers.GetValueOrDefault(id)?.PredecessorIds ?? [])
                if (found.Add(predecessor)) waiting.Enqueue(predecessor);
        return found;
    }
}
