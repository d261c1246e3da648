namespace Inspection.Recommendations.Domain.Progress;

/// <summary>One recorded judgement with what a summary groups it by.</summary>
public sealed record ProgressFact(
    ProgressJudgement Judgement,
    string JudgingInspectionLabel,
    DateOnly? JudgingInspectionDate,
    Guid AddresseeProviderId,
    string AddresseeName,
    string AddresseeRegion,
    AddresseeGroup AddresseeGroup);
