namespace Inspection.Recommendations.Domain.Recommendations;

/// <summary>
/// Which recommendations a list asks for. <see cref="LatestJudgement"/> is a scale word or <see cref="NeverJudged"/>;
/// <see cref="OverdueOnly"/> keeps open recommendations whose improvement plan fell due before <see cref="AsOf"/> and
/// has not been received.
/// </summary>
public sealed record RecommendationQuery(
    Guid? ProviderId,
    bool IncludePredecessors,
    AddresseeGroup? AddresseeGroup,
    Guid? InspectionId,
    string LatestJudgement,
    bool OverdueOnly,
    DateOnly AsOf,
    string TextContains,
    PageRequest Page)
{
    public const string NeverJudged = "none";

    /// <summary>Addressed to a provider of this region, or made by an inspection of one; empty for any.</summary>
    public string Region { get; init; } = string.Empty;

    /// <summary>Most recently published first.</summary>
    public bool NewestFirst { get; init; }

    public static RecommendationQuery Create(
        string? providerId, bool includePredecessors, string? addresseeGroup, string? inspectionId, string? latestJudgement,
        bool overdueOnly, string? asOf, string? textContains, int pageSize, string? pageToken, ProgressScale scale, DateOnly today,
        string? region = null, bool newestFirst = false)
    {
        var violations = new List<FieldViolation>();
        var provider = Identifier.ParseOptional(providerId, "provider_id", violations);
        if (includePredecessors && provider is null) violations.Add(new FieldViolation("include_predecessors", "needs provider_id"));
        var group = string.IsNullOrWhiteSpace(addresseeGroup) ? null : AddresseeGroup.Parse(addresseeGroup, "addressee_group", violations);
        var inspection = Identifier.ParseOptional(inspectionId, "inspection_id", violations);
        var latest = latestJudgement?.Trim() ?? string.Empty;
        if (latest.Length > 0 && latest != NeverJudged) latest = scale.Parse(latest, "latest_judgement", violations) ?? latest;
        var date = CalendarDate.Optional(violations, "as_of", asOf) ?? today;
        var page = PageRequest.Parse(pageSize, pageToken, violations);
        var validRegion = RequestText.Optional(region, "region", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new RecommendationQuery(provider, includePredecessors, group, inspection, latest, overdueOnly, date, textContains?.Trim() ?? string.Empty, page)
        {
            Region = validRegion, NewestFirst = newestFirst,
        };
    }
}
