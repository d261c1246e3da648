namespace Inspection.Domain.Vocabularies;

/// <summary>A case's sentence (sampling.proto PopulationCase.sentence_type). Its words: <c>WireWords.SentenceTypes</c> in Inspection.Contracts.</summary>
public enum SentenceType
{
    CommunityOrder,
    SuspendedSentenceOrder,
    Licence,
    Custody,
}
