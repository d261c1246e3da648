namespace Inspection.Domain.Vocabularies;

/// <summary>A published fact of the inspection record itself that a correction can put right (recommendations.proto InspectionCorrection.fact). Its words: <c>WireWords.InspectionFacts</c> in Inspection.Contracts.</summary>
public enum InspectionFact
{
    PublishedOn,
    FieldworkStart,
    FieldworkEnd,
}
