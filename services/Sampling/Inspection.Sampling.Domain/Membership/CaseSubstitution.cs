namespace Inspection.Sampling.Domain.Membership;

/// <summary>One substitution: which case left the sample, why, and which reserve of its stratum took its place.</summary>
public sealed record CaseSubstitution(
    int Sequence,
    string RemovedCaseReference,
    string AddedCaseReference,
    string Stratum,
    string Reason,
    string SubstitutedBy);
