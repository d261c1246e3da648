using Inspection.Domain;
using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.Domain.Plans;
using Inspection.Recommendations.Domain.Reminders;
using Xunit;

namespace Inspection.Recommendations.Tests.Reminders;

/// <summary>The due and overdue rule alone, and the list it makes: edges at today and at the end of the 30 days, and what is done.</summary>
public sealed class ReminderRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void Due_today_falls_due_and_is_not_overdue_yet() =>
        Assert.Equal(DueState.FallsDue, ReminderRule.Of(Today, false, Today, 30));

    [Fact]
    public void The_day_before_today_is_overdue() =>
        Assert.Equal(DueState.Overdue, ReminderRule.Of(Today.AddDays(-1), false, Today, 30));

    [Fact]
    public void Thirty_days_out_falls_due_and_the_thirty_first_day_does_not_yet()
    {
        Assert.Equal(DueState.FallsDue, ReminderRule.Of(new DateOnly(2027, 1, 6), false, Today, 30));
        Assert.Null(ReminderRule.Of(new DateOnly(2027, 1, 7), false, Today, 30));
    }

    [Theory]
    [InlineData(-400)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(10)]
    public void What_is_done_is_never_a_reminder(int days) =>
        Assert.Null(ReminderRule.Of(Today.AddDays(days), true, Today, 30));

    [Fact]
    public void Completed_and_withdrawn_actions_are_not_overdue_however_long_ago_their_date()
    {
        var plan = Plan(priority: false, null,
            Action(1, PlanActionStatus.Complete, "2026-01-31"), Action(2, PlanActionStatus.Withdrawn, "2026-02-28"), Action(3, PlanActionStatus.InProgress, "2026-03-31"));
        var list = ReminderList.Of(Query(), [], [(plan, PlanRule.Default)]);
        var reminder = Assert.Single(list.Reminders);
        Assert.Equal((3, true, 251), (reminder.Action!.Number, reminder.Overdue, reminder.DaysFrom(Today)));
        Assert.Equal((1, 0), (list.Overdue, list.FallsDue));
    }

    [Fact]
    public void A_received_improvement_plan_is_no_reminder_and_one_not_received_is_overdue_after_its_day()
    {
        var received = Outstanding(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 28));
        var missing = Outstanding(new DateOnly(2026, 11, 30), null);
        var coming = Outstanding(new DateOnly(2026, 12, 20), null);
        var list = ReminderList.Of(Query(), [received, missing, coming], []);
        Assert.Equal([(missing.InspectionId, true), (coming.InspectionId, false)], list.Reminders.Select(r => (r.InspectionId, r.Overdue)));
        Assert.True(list.Reminders[0].OffTrack);
        Assert.False(list.Reminders[1].OffTrack);
    }

    [Fact]
    public void Overdue_comes_first_most_recently_due_first_then_what_falls_due_soonest_first()
    {
        var plan = Plan(priority: false, null,
            Action(1, PlanActionStatus.NotStarted, "2026-12-30"), Action(2, PlanActionStatus.NotStarted, "2026-10-01"),
            Action(3, PlanActionStatus.NotStarted, "2026-12-08"), Action(4, PlanActionStatus.NotStarted, "2026-12-01"));
        var list = ReminderList.Of(Query(), [], [(plan, PlanRule.Default)]);
        Assert.Equal([4, 2, 3, 1], list.Reminders.Select(r => r.Action!.Number));
    }

    [Fact]
    public void Filters_keep_reminders_by_response_priority_and_off_track()
    {
        var agreedPriority = Plan(priority: true, AddresseeResponse.Agreed, Action(1, PlanActionStatus.InProgress, "2026-12-01"));
        var unanswered = Plan(priority: false, null, Action(1, PlanActionStatus.InProgress, "2026-12-20"));
        var plans = new[] { (agreedPriority, PlanRule.Default), (unanswered, PlanRule.Default) };
        var plan = Outstanding(new DateOnly(2026, 12, 10), null, ResponseFilter.None);

        Assert.Equal([agreedPriority.RecommendationId], ReminderList.Of(Query(response: ResponseFilter.Agreed), [plan], plans).Reminders.Select(r => r.Plan!.RecommendationId));
        Assert.Equal([ReminderKind.ImprovementPlan, ReminderKind.PlanAction],
            ReminderList.Of(Query(response: ResponseFilter.None), [plan], plans).Reminders.Select(r => r.Kind).Order());
        Assert.Equal([agreedPriority.RecommendationId], ReminderList.Of(Query(priorityOnly: true), [plan], plans).Reminders.Select(r => r.Plan!.RecommendationId));
        Assert.Equal([agreedPriority.RecommendationId], ReminderList.Of(Query(offTrackOnly: true), [plan], plans).Reminders.Select(r => r.Plan!.RecommendationId));
    }

    [Fact]
    public void The_cause_for_concern_filter_keeps_reminders_about_providers_with_an_open_one()
    {
        var concerned = Plan(priority: false, null, Action(1, PlanActionStatus.InProgress, "2026-12-01"));
        var other = Plan(priority: false, null, Action(1, PlanActionStatus.InProgress, "2026-12-02"));
        var plans = new[] { (concerned, PlanRule.Default), (other, PlanRule.Default) };
        var query = ReminderQuery.Create([], null, null, false, false, 0, null, Today, 0, null, concernOnly: true)
            with { ConcernedProviders = new HashSet<Guid> { concerned.AddresseeProviderId } };

        Assert.Equal([concerned.RecommendationId], ReminderList.Of(query, [], plans).Reminders.Select(r => r.Plan!.RecommendationId));
        Assert.Empty(ReminderList.Of(query with { ConcernedProviders = new HashSet<Guid>() }, [], plans).Reminders);
        Assert.Equal(2, ReminderList.Of(Query(), [], plans).Reminders.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(367)]
    public void Days_ahead_out_of_range_are_refused_naming_the_field(int days)
    {
        var refused = Assert.Throws<ValidationException>(() => ReminderQuery.Create([], null, null, false, false, days, null, Today, 0, null));
        Assert.Equal("within_days", Assert.Single(refused.Violations).Field);
    }

    [Fact]
    public void Nothing_asked_is_thirty_days_from_today()
    {
        var query = ReminderQuery.Create([], null, null, false, false, 0, null, Today, 0, null);
        Assert.Equal((Today, new DateOnly(2027, 1, 6)), (query.AsOf, query.DueBy));
    }

    private static ReminderQuery Query(ResponseFilter? response = null, bool offTrackOnly = false, bool priorityOnly = false) =>
        ReminderQuery.Create([], null, response, offTrackOnly, priorityOnly, 0, null, Today, 0, null);

    private static OutstandingPlan Outstanding(DateOnly due, DateOnly? received, params ResponseFilter[] responses) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Example PDU", due.AddDays(-28), due, received, 2, false, responses.ToHashSet());

    private static PlanAction Action(int number, PlanActionStatus status, string date) =>
        new(Guid.NewGuid(), Guid.Empty, number, $"Action {number}", "Head of PDU", "", status, status == PlanActionStatus.Withdrawn ? "merged" : "",
            [new TargetDate(1, DateOnly.Parse(date), "", PlanSource.Staff, "tests", DateTimeOffset.UnixEpoch)], PlanSource.Staff, "tests", DateTimeOffset.UnixEpoch);

    private static RecommendationPlan Plan(bool priority, AddresseeResponse? response, params PlanAction[] actions) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "pdu-2024", 1, Guid.NewGuid(), "Example PDU", "improve practice", priority, new DateOnly(2026, 1, 5), 2,
            response is { } r ? new RecordedResponse(r, "", new DateOnly(2026, 2, 1), PlanSource.Staff, "tests", DateTimeOffset.UnixEpoch) : null,
            actions, [], []);
}
