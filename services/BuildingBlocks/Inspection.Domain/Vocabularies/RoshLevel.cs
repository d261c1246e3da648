namespace Inspection.Domain.Vocabularies;

/// <summary>A case's risk of serious harm level (sampling.proto PopulationCase.rosh_level). Its words: <c>WireWords.RoshLevels</c> in Inspection.Contracts.</summary>
public enum RoshLevel
{
    Low,
    Medium,
    High,
    VeryHigh,
}
