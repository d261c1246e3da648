namespace Inspection.Recommendations.Domain.Progress;

/// <summary>
/// Which recommendations an inspection judges: every recommendation made (published) before it, addressed to the
/// inspected provider or to any of its predecessors, and not judged Sufficient progress at an earlier inspection.
/// Recommendations to national bodies reach only inspections of those bodies (or their successors).
/// </summary>
public static class DueForJudgement
{
    /// <param name="judging">The inspection at which progress is judged.</param>
    /// <param name="reach">The inspected provider and all its ancestors.</param>
    public static IReadOnlyList<DueRecommendation> Select(
        ProviderInspection judging, IReadOnlySet<Guid> reach, IEnumerable<RecommendationProgress> candidates, ProgressScale scale) =>
        candidates
            .Where(c => ReasonNotDue(judging, reach, c, scale) is null)
            .OrderBy(c => c.Recommendation.InspectionPublishedOn)
            .ThenBy(c => c.Recommendation.InspectionId)
            .ThenBy(c => c.Recommendation.Number)
            .Select(c => new DueRecommendation(
                c,
                c.Before(judging.Id),
                c.At(judging.Id),
                c.Recommendation.AddresseeProviderId == judging.ProviderId ? ReachedThrough.Self : ReachedThrough.Predecessor))
            .ToList();

    /// <summary>Refuses a judgement at an inspection the recommendation does not reach, saying why.</summary>
    public static void EnsureDue(ProviderInspection judging, IReadOnlySet<Guid> reach, RecommendationProgress candidate, ProgressScale scale)
    {
        var reason = ReasonNotDue(judging, reach, candidate, scale);
        if (reason is not null) throw new PreconditionFailedException(reason);
    }

    /// <summary>Why the recommendation is not judged at this inspection, or null when it is.</summary>
    public static string? ReasonNotDue(ProviderInspection judging, IReadOnlySet<Guid> reach, RecommendationProgress candidate, ProgressScale scale)
    {
        var recommendation = candidate.Recommendation;
        var id = Identifier.Format(recommendation.Id);
        if (recommendation.InspectionId == judging.Id)
            return $"Recommendation {id} was made by this inspection; its progress is judged at a later one.";
        if (!reach.Contains(recommendation.AddresseeProviderId))
            return $"Recommendation {id} is addressed to {recommendation.AddresseeName}, which is neither {judging.ProviderName} nor one of its predecessors.";
        if (recommendation.InspectionPublishedOn is not { } made)
            return $"Recommendation {id} belongs to an inspection that is not published yet.";
        if (judging.CalendarDate is { } date && made > date)
            return $"Recommendation {id} was published on {CalendarDate.ToText(made)}, after this inspection ({CalendarDate.ToText(date)}).";
        if (candidate.Before(judging.Id) is { } previous && scale.Closes(previous.Judgement))
            return $"Recommendation {id} was already judged {previous.Judgement} at an earlier inspection.";
        return null;
    }
}
