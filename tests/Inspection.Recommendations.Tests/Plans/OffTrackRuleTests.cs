using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.Domain.Plans;
using Xunit;

namespace Inspection.Recommendations.Tests.Plans;

/// <summary>The off-track rule alone: a target date passed without completion, or more revisions than the framework allows.</summary>
public sealed class OffTrackRuleTests
{
    private static readonly DateOnly Today = new(2025, 3, 1);
    private static readonly PlanRule OneRevision = new(1, null);

    private static PlanAction Action(PlanActionStatus status, params string[] dates) =>
        new(Guid.NewGuid(), Guid.NewGuid(), 1, "Audit records", "Head of PDU", "", status, status == PlanActionStatus.Withdrawn ? "merged into action 2" : "",
            dates.Select((d, i) => new TargetDate(i + 1, DateOnly.Parse(d), i == 0 ? "" : "moved", PlanSource.Staff, "tests", DateTimeOffset.UnixEpoch)).ToList(),
            PlanSource.Staff, "tests", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("2025-03-01")]   // due today: not passed yet
    [InlineData("2025-06-30")]
    public void An_open_action_before_its_date_and_within_its_revisions_is_on_track(string date) =>
        Assert.Empty(Action(PlanActionStatus.InProgress, "2024-12-31", date).OffTrack(Today, OneRevision));

    [Fact]
    public void A_date_passed_without_completion_is_off_track() =>
        Assert.Equal([OffTrackReason.TargetDatePassed], Action(PlanActionStatus.NotStarted, "2025-02-28").OffTrack(Today, OneRevision));

    [Fact]
    public void Revised_more_often_than_the_rule_allows_is_off_track_even_with_a_date_ahead() =>
        Assert.Equal([OffTrackReason.RevisedTooOften], Action(PlanActionStatus.InProgress, "2024-10-31", "2024-12-31", "2025-06-30").OffTrack(Today, OneRevision));

    [Fact]
    public void The_allowed_number_of_revisions_is_the_frameworks() =>
        Assert.Empty(Action(PlanActionStatus.InProgress, "2024-10-31", "2024-12-31", "2025-06-30").OffTrack(Today, new PlanRule(2, null)));

    [Fact]
    public void Both_reasons_are_given_when_both_hold() =>
        Assert.Equal([OffTrackReason.TargetDatePassed, OffTrackReason.RevisedTooOften],
            Action(PlanActionStatus.InProgress, "2024-10-31", "2024-12-31", "2025-01-31").OffTrack(Today, OneRevision));

    [Theory]
    [InlineData(PlanActionStatus.Complete)]
    [InlineData(PlanActionStatus.Withdrawn)]
    public void A_complete_or_withdrawn_action_is_never_off_track(PlanActionStatus status) =>
        Assert.Empty(Action(status, "2024-01-31", "2024-02-28", "2024-03-31").OffTrack(Today, OneRevision));

    [Fact]
    public void By_default_one_revision_is_allowed_and_priority_recommendations_are_not_capped() =>
        Assert.Equal(new PlanRule(1, null), Domain.Frameworks.FrameworkCatalogue.Load().PlanRuleFor("pdu-2024"));
}
