namespace Inspection.Domain.Vocabularies;

/// <summary>How the service enforces a decision rule (scoring.proto DecisionRule.kind). Its words: <c>WireWords.DecisionRuleKinds</c> in Inspection.Contracts.</summary>
public enum DecisionRuleKind
{
    Cap,
    Default,
    Informational,
}
