namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>
/// A domain-one decision rule of frameworks.json, kept with its published wording and read into a condition and
/// the ratings it allows (cap) or suggests (default).
/// </summary>
public sealed record DecisionRule(
    string StandardId,
    string Type,
    DecisionRuleKind Kind,
    string AppliesWhen,
    string Effect,
    RuleCondition Condition,
    IReadOnlySet<string> Ratings);
