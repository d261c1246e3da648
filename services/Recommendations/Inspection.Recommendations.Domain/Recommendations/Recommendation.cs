namespace Inspection.Recommendations.Domain.Recommendations;

/// <summary>A recommendation an inspection made, with its addressee (the provider it is tracked against).</summary>
public sealed record Recommendation(
    Guid Id,
    Guid InspectionId,
    Guid InspectedProviderId,
    int Number,
    AddresseeGroup AddresseeGroup,
    Guid AddresseeProviderId,
    string AddresseeName,
    string Text,
    long Version,
    DateOnly? InspectionPublishedOn,
    DateOnly? ImprovementPlanDue,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    /// <summary>When the inspection's improvement plan was received; null while none is recorded.</summary>
    public DateOnly? ImprovementPlanReceivedOn { get; init; }

    /// <summary>Why it was added after the inspection was published (a correction of the report); empty otherwise.</summary>
    public string CorrectionReason { get; init; } = string.Empty;

    /// <summary>Flagged a priority recommendation when made (issue 23).</summary>
    public bool Priority { get; init; }
}
