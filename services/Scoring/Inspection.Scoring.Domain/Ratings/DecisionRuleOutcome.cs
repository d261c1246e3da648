namespace Inspection.Scoring.Domain.Ratings;

/// <summary>
/// What a decision rule says for this inspection: whether it is in force, the ratings it allows or suggests, whether
/// the rating complies, and if not, whether the departure is resolved (panel departure for a cap, rationale for a
/// default) or is a breach that stops publication.
/// </summary>
public sealed record DecisionRuleOutcome(
    DecisionRule Rule,
    RuleStatus Status,
    IReadOnlyList<string> Ratings,
    bool? Complies,
    bool Breach,
    string Explanation);
