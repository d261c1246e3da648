namespace Inspection.Evidence.Domain.Items;

/// <summary>Evidence as a caller states it, before it is checked against the inspection's framework.</summary>
public sealed record EvidenceInput(
    string? StandardId,
    string? KeyQuestionId,
    string? Source,
    string? EvidenceDate,
    string? Summary,
    string? Finding,
    IReadOnlyList<string> CaseReferences,
    string? RecordedBy,
    string? EvidenceSubsection);
