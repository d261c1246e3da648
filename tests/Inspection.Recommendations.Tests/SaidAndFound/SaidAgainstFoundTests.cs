using Inspection.Domain;
using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.Domain.SaidAndFound;
using Xunit;

namespace Inspection.Recommendations.Tests.SaidAndFound;

/// <summary>
/// What providers said against what the inspectorate found, computed alone: the latest status reported on or before
/// the day the judging inspection looked, Complete or On track against No or Some progress, per provider and region.
/// </summary>
public sealed class SaidAgainstFoundTests
{
    private static readonly Guid North = Guid.NewGuid(), South = Guid.NewGuid(), Hmpps = Guid.NewGuid();
    private static readonly DateOnly Fieldwork = new(2025, 6, 2);
    private static readonly SaidAgainstFoundQuery All = new(null, null);

    [Fact]
    public void The_share_is_those_judged_no_or_some_progress_over_those_said_complete_or_on_track()
    {
        var found = SaidAgainstFound.Of(
        [
            Judged(North, "North PDU", "North", ProgressWord.SomeProgress, Said(ReportedProgress.Complete, "2025-03-14")),
            Judged(North, "North PDU", "North", ProgressWord.NoProgress, Said(ReportedProgress.OnTrack, "2025-02-10")),
            Judged(North, "North PDU", "North", ProgressWord.SufficientProgress, Said(ReportedProgress.OnTrack, "2025-02-10")),
            Judged(North, "North PDU", "North", ProgressWord.NoProgress, Said(ReportedProgress.Delayed, "2025-02-10")),
        ], All);
        var north = Assert.Single(found.ByProvider);
        Assert.Equal((3, 2), (north.SaidDoneOrOnCourse, north.ThenFoundShort));
        Assert.Equal(2.0 / 3, north.Share, 12);
        Assert.Equal((3, 2), (found.Total.SaidDoneOrOnCourse, found.Total.ThenFoundShort));
    }

    [Fact]
    public void Only_the_latest_status_reported_on_or_before_the_first_day_of_fieldwork_counts()
    {
        // Delayed, then Complete on the first day of fieldwork: it said Complete. A Complete reported after is not what it said before.
        var onTheDay = Judged(North, "North PDU", "North", ProgressWord.NoProgress,
            Said(ReportedProgress.Delayed, "2025-01-10"), Said(ReportedProgress.Complete, "2025-06-02"));
        var after = Judged(South, "South PDU", "South", ProgressWord.NoProgress,
            Said(ReportedProgress.Delayed, "2025-01-10"), Said(ReportedProgress.Complete, "2025-06-03"));
        var found = SaidAgainstFound.Of([onTheDay, after], All);
        Assert.Equal(ReportedProgress.Complete, onTheDay.SaidBefore);
        Assert.Equal(ReportedProgress.Delayed, after.SaidBefore);
        Assert.Equal([North.ToString("D")], found.ByProvider.Select(r => r.Key));
    }

    [Fact]
    public void Nothing_reported_before_the_judgement_is_nothing_said()
    {
        var judged = Judged(North, "North PDU", "North", ProgressWord.NoProgress, Said(ReportedProgress.Complete, "2025-07-01"));
        Assert.Null(judged.SaidBefore);
        var found = SaidAgainstFound.Of([judged], All);
        Assert.Empty(found.ByProvider);
        Assert.Equal((0, 0, 0.0), (found.Total.SaidDoneOrOnCourse, found.Total.ThenFoundShort, found.Total.Share));
    }

    [Fact]
    public void Without_fieldwork_dates_the_inspectorate_looked_on_publication_else_on_the_day_it_recorded_the_judgement_in_England()
    {
        var published = Judged(North, "North PDU", "North", ProgressWord.NoProgress, Said(ReportedProgress.Complete, "2025-09-01")) with
        {
            JudgingFieldworkStart = null, JudgingPublishedOn = new DateOnly(2025, 9, 1),
        };
        Assert.Equal(new DateOnly(2025, 9, 1), published.JudgedOn);
        // 23:30 UTC on 30 June 2025 is 00:30 on 1 July in England (summer time).
        var recorded = published with { JudgingPublishedOn = null, JudgementRecordedAt = new DateTimeOffset(2025, 6, 30, 23, 30, 0, TimeSpan.Zero) };
        Assert.Equal(new DateOnly(2025, 7, 1), recorded.JudgedOn);
    }

    [Fact]
    public void Providers_and_regions_are_rows_of_their_own_highest_share_first_national_bodies_without_a_region()
    {
        var found = SaidAgainstFound.Of(
        [
            Judged(North, "North PDU", "North", ProgressWord.SufficientProgress, Said(ReportedProgress.Complete, "2025-03-14")),
            Judged(North, "North PDU", "North", ProgressWord.SomeProgress, Said(ReportedProgress.Complete, "2025-03-14")),
            Judged(South, "South PDU", "South", ProgressWord.NoProgress, Said(ReportedProgress.OnTrack, "2025-03-14")),
            Judged(Hmpps, "HM Prison and Probation Service", "", ProgressWord.SufficientProgress, Said(ReportedProgress.OnTrack, "2025-03-14")),
        ], All);
        Assert.Equal([("South PDU", 1, 1), ("North PDU", 2, 1), ("HM Prison and Probation Service", 1, 0)],
            found.ByProvider.Select(r => (r.Label, r.SaidDoneOrOnCourse, r.ThenFoundShort)));
        Assert.Equal([("South", 1.0), ("North", 0.5), ("", 0.0)], found.ByRegion.Select(r => (r.Key, r.Share)));
        Assert.Equal((4, 2, 0.5), (found.Total.SaidDoneOrOnCourse, found.Total.ThenFoundShort, found.Total.Share));
    }

    [Fact]
    public void A_provider_or_region_asked_for_narrows_every_figure()
    {
        var judgements = new[]
        {
            Judged(North, "North PDU", "North", ProgressWord.SomeProgress, Said(ReportedProgress.Complete, "2025-03-14")),
            Judged(South, "South PDU", "South", ProgressWord.SufficientProgress, Said(ReportedProgress.Complete, "2025-03-14")),
        };
        Assert.Equal((1, 1), Totals(SaidAgainstFound.Of(judgements, new SaidAgainstFoundQuery(North, null))));
        Assert.Equal((1, 0), Totals(SaidAgainstFound.Of(judgements, SaidAgainstFoundQuery.Create([], null, "south"))));
    }

    [Theory]
    [InlineData("not-an-id", "", "provider_id")]
    [InlineData("", "", "region")]
    public void A_filter_that_cannot_be_is_refused_naming_the_field(string provider, string region, string field) =>
        Assert.Equal(field, Assert.Single(Assert.Throws<ValidationException>(() =>
            SaidAgainstFoundQuery.Create([], provider, field == "region" ? new string('r', 201) : region)).Violations).Field);

    private static (int, int) Totals(Domain.SaidAndFound.SaidAgainstFound found) => (found.Total.SaidDoneOrOnCourse, found.Total.ThenFoundShort);

    private static ReportedClaim Said(ReportedProgress status, string on) => new(status, DateOnly.Parse(on));

    private static JudgedRecommendation Judged(Guid addressee, string name, string region, ProgressWord judgement, params ReportedClaim[] reported) =>
        new(Guid.NewGuid(), addressee, name, region, judgement, Fieldwork, new DateOnly(2025, 10, 6), DateTimeOffset.UnixEpoch, reported);
}
