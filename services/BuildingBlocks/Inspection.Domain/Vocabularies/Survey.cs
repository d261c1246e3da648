namespace Inspection.Domain.Vocabularies;

/// <summary>The surveys an inspection draws on (evidence.proto survey). Its words: <c>WireWords.Surveys</c> in Inspection.Contracts.</summary>
public enum Survey
{
    Staff,
    PeopleOnProbation,
    Sentencer,
}
