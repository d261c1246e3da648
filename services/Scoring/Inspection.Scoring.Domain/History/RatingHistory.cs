using Inspection.Domain.Vocabularies;

namespace Inspection.Scoring.Domain.History;

/// <summary>A published inspection as the register holds it: whose, under which programme, published when.</summary>
public sealed record PublishedInspection(string InspectionId, string ProviderId, string FrameworkId, DateOnly PublishedOn);

/// <summary>One standard's rating at a published inspection, as stored at publication (or as corrected since).</summary>
public sealed record PublishedStandardRating(string InspectionId, string StandardId, string StandardName, string Rating, int Position);

/// <summary>A provider of the register: its name, region and the providers it was formed from directly.</summary>
public sealed record RegisteredProvider(string ProviderId, string Name, string Region, IReadOnlyList<string> PredecessorIds);

/// <summary>One row of the national time series (opendata.proto RatingHistoryRow).</summary>
public sealed record RatingHistoryRow(
    PublishedInspection Inspection,
    RegisteredProvider Provider,
    RegisteredProvider Lineage,
    PublishedStandardRating Rating,
    PreviousRating Previous);

/// <summary>The previous rating of the same standard, or why there is none.</summary>
public sealed record PreviousRating(
    PreviousRatingBasis Basis, string Note, string? Rating = null, string? StandardId = null, PublishedInspection? Inspection = null);

/// <summary>
/// Every published inspection's ratings as one time series (issue 25): one row per inspection and rated standard,
/// oldest publication first. The previous rating follows the provider back: its own latest earlier inspection, else,
/// while it was formed from exactly one predecessor, that predecessor's (and so on); a provider formed from several has
/// no one previous rating, and the row says so. The earlier inspection's programme must have the standard's
/// counterpart (<see cref="StandardCorrespondences"/>), or the row says there is none.
/// </summary>
public static class RatingHistory
{
    public static IReadOnlyList<RatingHistoryRow> Build(
        IReadOnlyList<PublishedInspection> inspections,
        IReadOnlyList<PublishedStandardRating> ratings,
        IReadOnlyDictionary<string, RegisteredProvider> providers,
        StandardCorrespondences correspondences)
    {
        var ratingsOf = ratings.GroupBy(r => r.InspectionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Position).ToList(), StringComparer.Ordinal);
        // Only inspections with ratings stored are part of the series (and can be a previous rating).
        var rated = inspections.Where(i => ratingsOf.ContainsKey(i.InspectionId) && providers.ContainsKey(i.ProviderId))
            .OrderBy(i => i.PublishedOn).ThenBy(i => i.InspectionId, StringComparer.Ordinal).ToList();
        var byProvider = rated.GroupBy(i => i.ProviderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var rows = new List<RatingHistoryRow>();
        foreach (var inspection in rated)
        {
            var provider = providers[inspection.ProviderId];
            var lineage = LineageOf(provider, providers);
            var earlier = EarlierInspection(inspection, provider, providers, byProvider);
            foreach (var rating in ratingsOf[inspection.InspectionId])
                rows.Add(new RatingHistoryRow(inspection, provider, lineage, rating,
                    Previous(inspection, rating, earlier, providers, ratingsOf, correspondences)));
        }
        return rows;
    }

    /// <summary>The first provider of the line: back through predecessors while there is exactly one.</summary>
    public static RegisteredProvider LineageOf(RegisteredProvider provider, IReadOnlyDictionary<string, RegisteredProvider> providers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { provider.ProviderId };
        var current = provider;
        while (current.PredecessorIds.Count == 1 && providers.TryGetValue(current.PredecessorIds[0], out var predecessor) && seen.Add(predecessor.ProviderId))
            current = predecessor;
        return current;
    }

    /// <summary>Where to look for the previous ratings of an inspection: an earlier inspection, or why there is none.</summary>
    private static (PublishedInspection? Inspection, PreviousRating? Missing) EarlierInspection(
        PublishedInspection inspection, RegisteredProvider provider, IReadOnlyDictionary<string, RegisteredProvider> providers,
        IReadOnlyDictionary<string, List<PublishedInspection>> byProvider)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = provider;
        while (seen.Add(current.ProviderId))
        {
            var before = byProvider.GetValueOrDefault(current.ProviderId)?
                .Where(i => i.PublishedOn < inspection.PublishedOn && i.InspectionId != inspection.InspectionId)
                .LastOrDefault();
            if (before is not null) return (before, null);
            if (current.PredecessorIds.Count > 1)
            {
                var names = current.PredecessorIds.Select(id => providers.TryGetValue(id, out var p) ? p.Name : id);
                return (null, new PreviousRating(PreviousRatingBasis.SeveralPredecessors,
                    $"{current.Name} was formed from {current.PredecessorIds.Count} predecessors ({string.Join("; ", names)}): no one previous rating"));
            }
            if (current.PredecessorIds.Count == 0 || !providers.TryGetValue(current.PredecessorIds[0], out var predecessor)) break;
            current = predecessor;
        }
        return (null, new PreviousRating(PreviousRatingBasis.NoEarlierInspection,
            provider.PredecessorIds.Count == 0
                ? $"no earlier published inspection of {provider.Name}"
                : $"no earlier published inspection of {provider.Name} or its predecessors"));
    }

    private static PreviousRating Previous(
        PublishedInspection inspection, PublishedStandardRating rating, (PublishedInspection? Inspection, PreviousRating? Missing) earlier,
        IReadOnlyDictionary<string, RegisteredProvider> providers, IReadOnlyDictionary<string, List<PublishedStandardRating>> ratingsOf,
        StandardCorrespondences correspondences)
    {
        if (earlier.Inspection is not { } before) return earlier.Missing!;
        var basis = before.ProviderId == inspection.ProviderId ? PreviousRatingBasis.SameProvider : PreviousRatingBasis.Predecessor;
        var whose = basis == PreviousRatingBasis.SameProvider ? "the provider's" : $"its predecessor {providers[before.ProviderId].Name}'s";
        var counterpart = correspondences.EarlierCounterpart(inspection.FrameworkId, rating.StandardId, before.FrameworkId);
        if (counterpart is null)
            return new PreviousRating(PreviousRatingBasis.NoCounterpart,
                $"{whose} previous inspection (published {before.PublishedOn:yyyy-MM-dd}, programme {before.FrameworkId}) has no standard corresponding to {rating.StandardId}",
                Inspection: before);
        var then = ratingsOf[before.InspectionId].FirstOrDefault(r => r.StandardId == counterpart);
        if (then is null)
            return new PreviousRating(PreviousRatingBasis.NoCounterpart,
                $"standard {counterpart} was not rated at {whose} previous inspection (published {before.PublishedOn:yyyy-MM-dd})",
                StandardId: counterpart, Inspection: before);
        var mapped = counterpart == rating.StandardId ? "" : $" (standard {counterpart} of {before.FrameworkId}, which {rating.StandardId} continues)";
        return new PreviousRating(basis, $"rated {then.Rating} at {whose} inspection published {before.PublishedOn:yyyy-MM-dd}{mapped}",
            then.Rating, counterpart, before);
    }
}
