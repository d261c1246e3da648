namespace Inspection.Domain.Vocabularies;

/// <summary>An inspection is planned until it is published (recommendations.proto Inspection.status). Its words: <c>WireWords.InspectionStatuses</c> in Inspection.Contracts.</summary>
public enum InspectionStatus
{
    Planned,
    Published,
}
