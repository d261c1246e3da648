namespace Inspection.Scoring.Domain.Assessments;

/// <summary>
/// Whether an assessment counts, and if it is set aside, why and since when: it belongs to an earlier sample (the
/// sample was drawn again), its case was substituted out of the current sample, or there is no current sample.
/// </summary>
public sealed record AssessmentStanding(bool SetAside, string Reason, DateTimeOffset? Since)
{
    public static readonly AssessmentStanding Counted = new(false, "", null);

    public static AssessmentStanding Of(string assessmentSampleId, string caseReference, CurrentSample? current, SampleHistory history)
    {
        if (current is null) return new(true, "no case sample is drawn for the inspection", null);
        if (current.Counts(assessmentSampleId, caseReference)) return Counted;
        if (assessmentSampleId != current.SampleId && assessmentSampleId != CurrentSample.UnknownSample)
            return new(true, "the sample was drawn again", history.DrawnAt);
        if (history.SubstitutionsByRemovedCase.TryGetValue(caseReference, out var substitution))
            return new(true, $"substituted by {substitution.AddedCaseReference}: {substitution.Reason}", substitution.At);
        return new(true, "not an active case of the current sample", null);
    }
}
