using Inspection.Admin.Accounts;
using Inspection.Admin.Presentation;
using Inspection.Recommendations.V1;

namespace Inspection.Admin.Plans;

/// <summary>
/// A recommendation's one timeline (issue 23), newest first: made, the improvement plan, the addressee's response, each
/// action and each change of its target date, updates, reported statuses and the progress judgements, with names and
/// dates in words. Records sent by the addressee's own system say so.
/// </summary>
public sealed class RecommendationTimeline(StaffNames staff)
{
    public async Task<IReadOnlyList<TimelineEntry>> BuildAsync(
        Recommendation recommendation, RecommendationPlan? plan, IReadOnlyDictionary<string, Inspection.Recommendations.V1.Inspection> inspections,
        IReadOnlyList<LineageLink> carriedAcross, Func<string, string> inspectionName)
    {
        var made = inspections[recommendation.InspectionId];
        var entries = new List<TimelineEntry>();
        foreach (var judgement in recommendation.History)
        {
            // A judgement rebuilt from a published report is dated by that report and attributed to it, not to whoever keyed it.
            var fromReport = ReferenceRecords.FromPublishedReport(judgement.RecordedBy)
                && inspections.TryGetValue(judgement.InspectionId, out var at) && CalendarDate.TryParse(at.PublishedOn, out _);
            var publishedOn = fromReport ? inspections[judgement.InspectionId].PublishedOn : "";
            entries.Add(new TimelineEntry(fromReport ? CalendarDate.Parse("published_on", publishedOn) : Day(judgement.RecordedAt),
                fromReport ? DisplayDate.Format(publishedOn) : DisplayDate.Format(judgement.RecordedAt),
                $"{judgement.Judgement} at {inspectionName(judgement.InspectionId)}{(judgement.Revision > 1 ? $" (revision {judgement.Revision})" : "")}",
                ReferenceRecords.FromPublishedReport(judgement.RecordedBy) ? ReferenceRecords.Attribution : $"by {await staff.OfAsync(judgement.RecordedBy)}",
                [.. Lines(judgement.RepeatedFromPreviousInspection ? "Repeated from the previous inspection." : null, judgement.Findings)], "judgement",
                fromReport ? publishedOn : null));
        }
        foreach (var link in carriedAcross)
            if (CalendarDate.TryParse(link.EffectiveOn, out var effective))
                entries.Add(new TimelineEntry(effective, DisplayDate.Format(link.EffectiveOn), $"Carried across to {link.Provider.Name}",
                    string.IsNullOrWhiteSpace(link.Note) ? "Restructure" : link.Note,
                    [$"{recommendation.AddresseeName} became part of {link.Provider.Name}, which is judged on this recommendation from then on."], "carried-across", link.EffectiveOn));
        if (CalendarDate.TryParse(made.ImprovementPlanReceivedOn, out var received))
            entries.Add(new TimelineEntry(received, DisplayDate.Format(made.ImprovementPlanReceivedOn), "Improvement plan received",
                $"recorded by {await staff.OfAsync(made.ImprovementPlanRecordedBy)}", [], "plan-received", made.ImprovementPlanReceivedOn));
        if (CalendarDate.TryParse(recommendation.ImprovementPlanDue, out var due))
            entries.Add(new TimelineEntry(due, DisplayDate.Format(recommendation.ImprovementPlanDue), "Improvement plan due", null, [], null, recommendation.ImprovementPlanDue));
        if (plan is not null) await AddPlanAsync(entries, plan);
        var madeOn = CalendarDate.TryParse(recommendation.InspectionPublishedOn, out var published) ? published : DateOnly.MinValue;
        var ordered = entries.OrderByDescending(e => e.Day).ToList();
        // Made is always the first event, whatever else shares its day.
        ordered.Add(new TimelineEntry(madeOn, DisplayDate.Format(recommendation.InspectionPublishedOn, "Not yet published"), $"Made by the inspection of {made.ProviderName}",
            null, recommendation.Priority ? ["A priority recommendation."] : [], "made", recommendation.InspectionPublishedOn));
        return ordered;
    }

    private async Task AddPlanAsync(List<TimelineEntry> entries, RecommendationPlan plan)
    {
        if (plan.Response is { } response)
            entries.Add(new TimelineEntry(CalendarDate.Parse("responded_on", response.RespondedOn), DisplayDate.Format(response.RespondedOn), $"Response: {response.Response}",
                await ByAsync(response.Source, response.RecordedBy), [.. Lines(response.Reason)], "response", response.RespondedOn));
        foreach (var action in plan.Actions)
        {
            var first = action.TargetDates[0];
            entries.Add(new TimelineEntry(Day(action.RecordedAt), DisplayDate.Format(action.RecordedAt), $"Action {action.Number} added: {action.Description}",
                await ByAsync(action.Source, action.RecordedBy),
                [.. Lines($"Owner: {PlanView.Owner(action)}", $"Target date: {DisplayDate.Format(first.TargetDate)}")], "action"));
            for (var i = 1; i < action.TargetDates.Count; i++)
            {
                var revision = action.TargetDates[i];
                entries.Add(new TimelineEntry(Day(revision.RecordedAt), DisplayDate.Format(revision.RecordedAt),
                    $"Action {action.Number} target date moved from {DisplayDate.Format(action.TargetDates[i - 1].TargetDate)} to {DisplayDate.Format(revision.TargetDate)}",
                    await ByAsync(revision.Source, revision.RecordedBy), [.. Lines($"Reason: {revision.Reason}")], "date-change"));
            }
        }
        foreach (var update in plan.Updates)
            entries.Add(new TimelineEntry(CalendarDate.Parse("occurred_on", update.OccurredOn), DisplayDate.Format(update.OccurredOn),
                $"{PlanWords.UpdateKind(update.Kind)} from {update.Author}", await ByAsync(update.Source, update.RecordedBy), [.. Lines(update.Text)], "update", update.OccurredOn));
        foreach (var status in plan.ReportedStatuses)
            entries.Add(new TimelineEntry(CalendarDate.Parse("reported_on", status.ReportedOn), DisplayDate.Format(status.ReportedOn),
                $"Reported status: {status.Status}", await ByAsync(status.Source, status.RecordedBy), [.. Lines(status.Note)], "reported-status", status.ReportedOn));
    }

    private async Task<string> ByAsync(string source, string recordedBy) =>
        source.Is(PlanSource.AddresseeSystem) ? $"sent by the addressee's system ({recordedBy})" : $"recorded by {await staff.OfAsync(recordedBy)}";

    private static IEnumerable<string> Lines(params string?[] lines) => lines.Where(l => !string.IsNullOrWhiteSpace(l))!;

    private static DateOnly Day(Google.Protobuf.WellKnownTypes.Timestamp? at) =>
        at is null ? DateOnly.MinValue : DateOnly.FromDateTime(at.ToDateTime());
}
