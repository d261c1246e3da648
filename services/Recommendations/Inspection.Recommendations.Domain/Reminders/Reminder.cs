using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Reminders;

/// <summary>
/// One thing staff are reminded of: an improvement plan not received or a plan action not complete, when it is due and
/// whether that day has passed. What the filters read: whether it concerns a priority recommendation, the responses
/// of the recommendations it concerns, and whether it is off track (an overdue plan; an action by the off-track rule).
/// </summary>
public sealed record Reminder(
    ReminderKind Kind,
    DateOnly DueOn,
    DueState State,
    Guid InspectionId,
    Guid ProviderId,
    string ProviderName,
    DateOnly? PublishedOn,
    bool Priority,
    IReadOnlySet<ResponseFilter> Responses,
    bool OffTrack)
{
    /// <summary>For a plan action: the recommendation's plan and the action.</summary>
    public RecommendationPlan? Plan { get; init; }

    public PlanAction? Action { get; init; }

    /// <summary>For an improvement plan: how many recommendations it answers.</summary>
    public int RecommendationCount { get; init; }

    public bool Overdue => State == DueState.Overdue;

    /// <summary>Days past its day (overdue) or until it (0: due today).</summary>
    public int DaysFrom(DateOnly today) => Math.Abs(DueOn.DayNumber - today.DayNumber);

    public static Reminder? ForPlan(OutstandingPlan plan, DateOnly today, int daysAhead) =>
        ReminderRule.Of(plan.DueOn, plan.ReceivedOn is not null, today, daysAhead) is { } state
            ? new Reminder(ReminderKind.ImprovementPlan, plan.DueOn, state, plan.InspectionId, plan.ProviderId, plan.ProviderName, plan.PublishedOn,
                plan.AnyPriority, plan.Responses, state == DueState.Overdue) { RecommendationCount = plan.RecommendationCount }
            : null;

    /// <summary>A complete or withdrawn action is done: nothing more is expected of it.</summary>
    public static Reminder? ForAction(RecommendationPlan plan, PlanAction action, PlanRule rule, DateOnly today, int daysAhead) =>
        ReminderRule.Of(action.TargetDate, action.Closed, today, daysAhead) is { } state
            ? new Reminder(ReminderKind.PlanAction, action.TargetDate, state, plan.InspectionId, plan.AddresseeProviderId, plan.AddresseeName,
                plan.InspectionPublishedOn, plan.Priority, new HashSet<ResponseFilter> { ResponseOf(plan.Response) }, action.OffTrack(today, rule).Count > 0)
            { Plan = plan, Action = action }
            : null;

    public static ResponseFilter ResponseOf(RecordedResponse? response) => response?.Response switch
    {
        AddresseeResponse.Agreed => ResponseFilter.Agreed,
        AddresseeResponse.PartlyAgreed => ResponseFilter.PartlyAgreed,
        AddresseeResponse.NotAgreed => ResponseFilter.NotAgreed,
        _ => ResponseFilter.None,
    };
}
