namespace Inspection.Domain.Vocabularies;

/// <summary>A case's recorded gender (sampling.proto PopulationCase.gender). Its words: <c>WireWords.Genders</c> in Inspection.Contracts.</summary>
public enum Gender
{
    Male,
    Female,
    Other,
    NotKnown,
}
