namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>
/// A record that met a rule: an inspection, a recommendation or an action (with its recommendation), and what it is in
/// words. The most specific id set says what it is.
/// </summary>
public sealed record ConcernRecord(Guid? InspectionId, Guid? RecommendationId, Guid? ActionId, string Description)
{
    public static ConcernRecord Inspection(Guid id, string description) => new(id, null, null, description);

    public static ConcernRecord Recommendation(Guid id, string description) => new(null, id, null, description);

    public static ConcernRecord Action(Guid recommendationId, Guid actionId, string description) => new(null, recommendationId, actionId, description);

    /// <summary>Identifies the record whatever its description says (names and dates in words may be corrected later).</summary>
    public string Key => ActionId is { } a ? $"action:{a:D}" : RecommendationId is { } r ? $"recommendation:{r:D}" : $"inspection:{InspectionId:D}";
}
