using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.SaidAndFound;

/// <summary>
/// A recommendation's progress judgement at one inspection (its latest revision there), with the judging inspection's
/// dates, the addressee it was made to, and every status the addressee reported, oldest first.
/// </summary>
public sealed record JudgedRecommendation(
    Guid RecommendationId,
    Guid AddresseeProviderId,
    string AddresseeName,
    string AddresseeRegion,
    ProgressWord Judgement,
    DateOnly? JudgingFieldworkStart,
    DateOnly? JudgingPublishedOn,
    DateTimeOffset JudgementRecordedAt,
    IReadOnlyList<ReportedClaim> Reported)
{
    /// <summary>
    /// When the inspectorate looked: the first day of the judging inspection's fieldwork; its publication when fieldwork
    /// is not dated; the day the judgement was recorded (in England) when neither is.
    /// </summary>
    public DateOnly JudgedOn => JudgingFieldworkStart ?? JudgingPublishedOn ?? EnglandCalendar.DateOn(JudgementRecordedAt);

    /// <summary>What the addressee said last before the inspectorate looked: its latest status reported on or before that day.</summary>
    public ReportedProgress? SaidBefore => Reported.LastOrDefault(r => r.ReportedOn <= JudgedOn)?.Status;

    /// <summary>It said the work was done or on course: Complete or On track.</summary>
    public bool SaidDoneOrOnCourse => SaidBefore is ReportedProgress.Complete or ReportedProgress.OnTrack;

    /// <summary>The inspectorate found less than sufficient progress: No progress or Some progress.</summary>
    public bool FoundShort => Judgement is ProgressWord.NoProgress or ProgressWord.SomeProgress;
}
