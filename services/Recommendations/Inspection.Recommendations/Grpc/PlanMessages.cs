using Google.Protobuf.WellKnownTypes;
using Inspection.Contracts.Vocabularies;
using Inspection.Recommendations.Domain.Plans;
using Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Grpc;

/// <summary>Recommendation plans to their messages; words in the contract's spelling, dates as yyyy-MM-dd.</summary>
public static class PlanMessages
{
    public static V1.RecommendationPlan ToMessage(this Domain.Plans.RecommendationPlan plan, PlanRule rule, DateOnly today)
    {
        var message = new V1.RecommendationPlan
        {
            RecommendationId = Identifier.Format(plan.RecommendationId),
            InspectionId = Identifier.Format(plan.InspectionId),
            Number = plan.Number,
            AddresseeProviderId = Identifier.Format(plan.AddresseeProviderId),
            AddresseeName = plan.AddresseeName,
            Text = plan.Text,
            Priority = plan.Priority,
            Version = plan.Version,
            InspectionPublishedOn = Date(plan.InspectionPublishedOn),
            RevisionsAllowed = rule.RevisionsAllowed,
        };
        if (plan.Response is { } response)
            message.Response = new PlanResponse
            {
                Response = response.Response.Word(), Reason = response.Reason, RespondedOn = CalendarDate.ToText(response.RespondedOn), Source = response.Source.Word(),
                RecordedBy = response.RecordedBy, RecordedAt = Timestamp.FromDateTimeOffset(response.RecordedAt),
            };
        message.Actions.AddRange(plan.Actions.Select(a => a.ToMessage(rule, today)));
        message.Updates.AddRange(plan.Updates.Select(u => new V1.PlanUpdate
        {
            UpdateId = Identifier.Format(u.Id), Kind = u.Kind.Word(), OccurredOn = CalendarDate.ToText(u.OccurredOn), Author = u.Author, Text = u.Text,
            Source = u.Source.Word(), RecordedBy = u.RecordedBy, RecordedAt = Timestamp.FromDateTimeOffset(u.RecordedAt),
        }));
        message.ReportedStatuses.AddRange(plan.ReportedStatuses.Select(s => new ReportedStatus
        {
            Status = s.Status.Word(), ReportedOn = CalendarDate.ToText(s.ReportedOn), Note = s.Note, Source = s.Source.Word(), RecordedBy = s.RecordedBy,
            RecordedAt = Timestamp.FromDateTimeOffset(s.RecordedAt),
        }));
        return message;
    }

    public static V1.PlanAction ToMessage(this Domain.Plans.PlanAction action, PlanRule rule, DateOnly today)
    {
        var offTrack = action.OffTrack(today, rule);
        var message = new V1.PlanAction
        {
            ActionId = Identifier.Format(action.Id), Number = action.Number, Description = action.Description, OwnerRole = action.OwnerRole, OwnerName = action.OwnerName,
            Status = action.Status.Word(), StatusReason = action.StatusReason, TargetDate = CalendarDate.ToText(action.TargetDate), OffTrack = offTrack.Count > 0,
            Source = action.Source.Word(), RecordedBy = action.RecordedBy, RecordedAt = Timestamp.FromDateTimeOffset(action.RecordedAt),
        };
        message.OffTrackBecause.AddRange(offTrack.Select(r => r.Word()));
        message.TargetDates.AddRange(action.TargetDates.Select(d => new TargetDateRevision
        {
            Revision = d.Revision, TargetDate = CalendarDate.ToText(d.Date), Reason = d.Reason, Source = d.Source.Word(), RecordedBy = d.RecordedBy,
            RecordedAt = Timestamp.FromDateTimeOffset(d.RecordedAt),
        }));
        return message;
    }

    /// <summary>The file's rows as the domain reads them, each word read under the one word rule and refused naming <c>rows[i].column</c>.</summary>
    public static IReadOnlyList<PlanImportRow> ToRows(this IEnumerable<PlanRow> rows, List<FieldViolation> violations) =>
        rows.Select((row, i) =>
        {
            string Field(string column) => $"rows[{i}].{column}";
            var response = Blank(row.Response) ? null : WireWords.AddresseeResponses.Parse(violations, Field("response"), row.Response);
            var status = Blank(row.Status) ? null : WireWords.PlanActionStatuses.Parse(violations, Field("status"), row.Status);
            if (row.RecommendationNumber <= 0) violations.Add(new FieldViolation(Field("recommendation_number"), "required: the recommendation's number"));
            if (row.ActionNumber < 0) violations.Add(new FieldViolation(Field("action_number"), "must be 0 (a new action) or an action's number"));
            return new PlanImportRow(
                row.RecommendationNumber, response, Text(row.ResponseReason, Field("response_reason"), violations),
                CalendarDate.Optional(violations, Field("responded_on"), row.RespondedOn), row.ActionNumber, Text(row.Action, Field("action"), violations),
                Text(row.OwnerRole, Field("owner_role"), violations), Text(row.OwnerName, Field("owner_name"), violations),
                CalendarDate.Optional(violations, Field("target_date"), row.TargetDate), status, Text(row.StatusReason, Field("status_reason"), violations),
                Text(row.DateChangeReason, Field("date_change_reason"), violations));
        }).ToList();

    private static string Text(string text, string field, List<FieldViolation> violations) => RequestText.Optional(text, field, 4000, violations);

    private static bool Blank(string text) => string.IsNullOrWhiteSpace(text);

    private static string Date(DateOnly? date) => date is { } d ? CalendarDate.ToText(d) : string.Empty;
}
