namespace Inspection.Sampling.Data;

/// <summary>A recorded substitution.</summary>
public sealed record StoredSubstitution(Guid SubstitutionId, Guid SampleId, CaseSubstitution Substitution, DateTimeOffset SubstitutedAt);
