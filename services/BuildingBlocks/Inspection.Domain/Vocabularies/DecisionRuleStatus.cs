namespace Inspection.Domain.Vocabularies;

/// <summary>Whether a decision rule is in force for an inspection (scoring.proto status). Its words: <c>WireWords.DecisionRuleStatuses</c> in Inspection.Contracts.</summary>
public enum DecisionRuleStatus
{
    NotInForce,
    InForce,
    Undetermined,
}
