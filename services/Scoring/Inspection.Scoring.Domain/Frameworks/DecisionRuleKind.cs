namespace Inspection.Scoring.Domain.Frameworks;

public enum DecisionRuleKind
{
    /// <summary>Limits the ratings the standard can have; anything else needs a recorded panel departure.</summary>
    Cap,
    /// <summary>Says what the rating would usually be; departing from it needs a rationale.</summary>
    Default,
    /// <summary>Shown beside the judgement; constrains nothing.</summary>
    Informational,
}
