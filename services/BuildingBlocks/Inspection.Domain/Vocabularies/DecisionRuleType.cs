namespace Inspection.Domain.Vocabularies;

/// <summary>A decision rule's type as frameworks.json names it (scoring.proto DecisionRule.type). Its words: <c>WireWords.DecisionRuleTypes</c> in Inspection.Contracts.</summary>
public enum DecisionRuleType
{
    Cap,
    DefaultWithOverride,
    LinkedToDomainTwo,
}
