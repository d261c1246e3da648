namespace Inspection.Evidence.Domain.Judgements;

/// <summary>A judgement as a caller states it.</summary>
public sealed record JudgementInput(
    string? StandardId,
    string? Rating,
    string? Rationale,
    bool PanelDeparture,
    string? AgreedBy,
    string? State,
    string? RecordedBy,
    string? RecordedByRole,
    long? ExpectedVersion,
    string? CorrectionReason = null);
