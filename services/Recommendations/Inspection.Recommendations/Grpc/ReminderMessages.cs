using Inspection.Contracts.Vocabularies;
using Inspection.Recommendations.Domain.Plans;
using Inspection.Recommendations.Domain.Reminders;
using Inspection.Recommendations.Domain.SaidAndFound;
using Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Grpc;

/// <summary>Reminders and what providers said against what was found, to their messages; words in the contract's spelling, dates as yyyy-MM-dd.</summary>
public static class ReminderMessages
{
    public static ListRemindersResponse ToMessage(this ReminderList list, Page<Domain.Reminders.Reminder> page, ReminderQuery query, Func<string, PlanRule> ruleFor)
    {
        var response = new ListRemindersResponse
        {
            NextPageToken = page.NextPageToken, Overdue = list.Overdue, FallsDue = list.FallsDue,
            AsOf = CalendarDate.ToText(query.AsOf), DueBy = CalendarDate.ToText(query.DueBy),
        };
        response.Reminders.AddRange(page.Items.Select(r => r.ToMessage(query.AsOf, ruleFor)));
        return response;
    }

    private static V1.Reminder ToMessage(this Domain.Reminders.Reminder reminder, DateOnly today, Func<string, PlanRule> ruleFor)
    {
        var message = new V1.Reminder
        {
            Kind = reminder.Kind.Word(), DueOn = CalendarDate.ToText(reminder.DueOn), Overdue = reminder.Overdue, Days = reminder.DaysFrom(today),
            InspectionId = Identifier.Format(reminder.InspectionId), ProviderId = Identifier.Format(reminder.ProviderId), ProviderName = reminder.ProviderName,
            InspectionPublishedOn = reminder.PublishedOn is { } published ? CalendarDate.ToText(published) : "", Priority = reminder.Priority,
            RecommendationCount = reminder.RecommendationCount,
        };
        if (reminder is { Plan: { } plan, Action: { } action })
        {
            message.RecommendationId = Identifier.Format(plan.RecommendationId);
            message.RecommendationNumber = plan.Number;
            message.RecommendationText = plan.Text;
            message.Response = plan.Response?.Response.Word() ?? "";
            message.Action = action.ToMessage(ruleFor(plan.FrameworkId), today);
        }
        return message;
    }

    public static V1.SaidAgainstFound ToMessage(this Domain.SaidAndFound.SaidAgainstFound found)
    {
        var message = new V1.SaidAgainstFound { Total = found.Total.ToMessage() };
        message.ByProvider.AddRange(found.ByProvider.Select(ToMessage));
        message.ByRegion.AddRange(found.ByRegion.Select(ToMessage));
        return message;
    }

    private static V1.SaidAgainstFoundRow ToMessage(this Domain.SaidAndFound.SaidAgainstFoundRow row) => new()
    {
        Key = row.Key, Label = row.Label, Region = row.Region, ReportedCompleteOrOnTrack = row.SaidDoneOrOnCourse, ThenJudgedNoOrSomeProgress = row.ThenFoundShort,
        Share = row.Share,
    };
}
