namespace Inspection.Scoring.Domain.Ratings;

public enum RuleStatus
{
    /// <summary>The rule's condition does not hold: it constrains nothing.</summary>
    NotInForce,
    /// <summary>The condition holds: the rule allows (cap) or suggests (default) its ratings.</summary>
    InForce,
    /// <summary>A standard the condition refers to has no rating yet.</summary>
    Undetermined,
}
