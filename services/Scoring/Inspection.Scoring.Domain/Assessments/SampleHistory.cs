namespace Inspection.Scoring.Domain.Assessments;

/// <summary>What case sampling records about the current sample that can set an assessment aside: when it was drawn
/// (a re-draw sets aside every assessment of the earlier sample) and each substitution by the case it removed.</summary>
public sealed record SampleHistory(DateTimeOffset? DrawnAt, IReadOnlyDictionary<string, CaseSubstitution> SubstitutionsByRemovedCase)
{
    public static readonly SampleHistory Unknown = new(null, new Dictionary<string, CaseSubstitution>());
}

/// <summary>A case taken out of the sample: why, and when.</summary>
public sealed record CaseSubstitution(string RemovedCaseReference, string AddedCaseReference, string Reason, DateTimeOffset? At);
