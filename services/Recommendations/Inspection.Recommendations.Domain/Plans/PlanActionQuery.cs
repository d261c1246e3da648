using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>ListPlanActions: actions by addressee (with its predecessors), current target date, off track and the latest reported status, as of a day.</summary>
public sealed record PlanActionQuery(Guid? ProviderId, DateOnly? DueBy, bool OffTrackOnly, ReportedProgress? ReportedStatus, DateOnly AsOf)
{
    public static PlanActionQuery Create(
        List<FieldViolation> violations, string? providerId, string? dueBy, bool offTrackOnly, ReportedProgress? reportedStatus, string? asOf, DateOnly today)
    {
        var provider = Identifier.ParseOptional(providerId, "provider_id", violations);
        var due = CalendarDate.Optional(violations, "due_by", dueBy);
        var on = CalendarDate.Optional(violations, "as_of", asOf);
        ValidationException.ThrowIfAny(violations);
        return new PlanActionQuery(provider, due, offTrackOnly, reportedStatus, on ?? today);
    }

    /// <summary>Whether an open action of <paramref name="plan"/> is listed; closed actions (complete, withdrawn) are not.</summary>
    public bool Lists(RecommendationPlan plan, PlanAction action, PlanRule rule) =>
        !action.Closed
        && (DueBy is not { } due || action.TargetDate <= due)
        && (!OffTrackOnly || action.OffTrack(AsOf, rule).Count > 0)
        && (ReportedStatus is not { } status || plan.ReportedStatuses.LastOrDefault()?.Status == status);
}
