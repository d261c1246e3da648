namespace Inspection.Domain.Vocabularies;

/// <summary>A case's recorded ethnic group (sampling.proto PopulationCase.ethnic_group). Its words: <c>WireWords.EthnicGroups</c> in Inspection.Contracts.</summary>
public enum EthnicGroup
{
    White,
    Black,
    Asian,
    Mixed,
    Other,
    NotKnown,
}
