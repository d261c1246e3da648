using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>
/// ImportPlan: a whole plan file for one inspection. <see cref="Decide"/> sets every row against what is stored and
/// gives the changes, or refuses the whole file with a violation per row (<c>rows[i].column</c>). A row that says what
/// is stored changes nothing, and a new action whose wording the recommendation has already is that action, so the
/// same file imported twice writes once.
/// </summary>
public sealed record PlanImport(Guid InspectionId, IReadOnlyList<PlanImportRow> Rows, string RecordedBy, PlanSource Source)
{
    public const int MaxRows = 2000;

    public static PlanImport Create(List<FieldViolation> violations, string? inspectionId, IReadOnlyList<PlanImportRow> rows, string? recordedBy, PlanSource source)
    {
        var id = Identifier.ParseRequired(inspectionId, "inspection_id", violations);
        if (rows.Count == 0) violations.Add(new FieldViolation("rows", "the file has no rows"));
        if (rows.Count > MaxRows) violations.Add(new FieldViolation("rows", $"lists {rows.Count} rows; at most {MaxRows}"));
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new PlanImport(id, rows, by, source);
    }

    /// <param name="unread">What reading the rows found already (words, dates), refused with the rest so every row's problems show at once.</param>
    public PlanImportChanges Decide(IReadOnlyList<RecommendationPlan> plans, DateOnly today, IReadOnlyList<FieldViolation>? unread = null)
    {
        var violations = new List<FieldViolation>(unread ?? []);
        var byNumber = plans.ToDictionary(p => p.Number);
        var given = new Dictionary<int, NewResponse>();
        var responses = new List<NewResponse>();
        var added = new List<NewPlanAction>();
        var changed = new List<PlanActionChange>();
        var revised = new List<TargetDateChange>();
        var seenActions = new HashSet<(int, string)>();

        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            string Field(string column) => $"rows[{i}].{column}";
            if (!byNumber.TryGetValue(row.RecommendationNumber, out var plan))
            {
                violations.Add(new FieldViolation(Field("recommendation_number"), $"the inspection made no recommendation {row.RecommendationNumber}"));
                continue;
            }
            if (plan.InspectionPublishedOn is null)
            {
                violations.Add(new FieldViolation(Field("recommendation_number"), "the inspection is not published yet: plans follow publication"));
                continue;
            }
            ResponseOf(row, plan, Field, violations, given, responses, today);
            if (row.HasAction) ActionOf(row, plan, Field, violations, seenActions, added, changed, revised);
        }
        ValidationException.ThrowIfAny(violations.OrderBy(RowOf).ToList());
        return new PlanImportChanges(responses, added, changed, revised);
    }

    private static int RowOf(FieldViolation violation) =>
        violation.Field.StartsWith("rows[", StringComparison.Ordinal) && int.TryParse(violation.Field[5..violation.Field.IndexOf(']')], out var row) ? row : -1;

    private void ResponseOf(
        PlanImportRow row, RecommendationPlan plan, Func<string, string> field, List<FieldViolation> violations, Dictionary<int, NewResponse> given, List<NewResponse> responses, DateOnly today)
    {
        if (row.Response is not { } answer)
        {
            if (row.ResponseReason.Length > 0 || row.RespondedOn is not null)
                violations.Add(new FieldViolation(field("response"), "required when the row gives a response's reason or date"));
            return;
        }
        var before = violations.Count;
        if (answer != AddresseeResponse.Agreed && row.ResponseReason.Length == 0)
            violations.Add(new FieldViolation(field("response_reason"), "required when the recommendation is not agreed in full"));
        if (row.RespondedOn is null) violations.Add(new FieldViolation(field("responded_on"), "required with a response"));
        PlanDates.NotInFuture(violations, field("responded_on"), row.RespondedOn, today);
        if (violations.Count > before) return;

        var response = new NewResponse(plan.RecommendationId, answer, row.ResponseReason, row.RespondedOn!.Value, RecordedBy, Source);
        if (given.TryGetValue(plan.Number, out var earlier))
        {
            if (earlier != response)
                violations.Add(new FieldViolation(field("response"), $"another row gives recommendation {plan.Number} a different response"));
            return;
        }
        given[plan.Number] = response;
        var stored = plan.Response;
        if (stored is null || stored.Response != answer || stored.Reason != response.Reason || stored.RespondedOn != response.RespondedOn)
            responses.Add(response);
    }

    private void ActionOf(
        PlanImportRow row, RecommendationPlan plan, Func<string, string> field, List<FieldViolation> violations, HashSet<(int, string)> seen,
        List<NewPlanAction> added, List<PlanActionChange> changed, List<TargetDateChange> revised)
    {
        var before = violations.Count;
        var (what, role, name) = ActionText.Read(violations, row.Action, row.OwnerRole, row.OwnerName, field(""));
        // ActionText names its columns description/owner_*; in a file the wording's column is "action".
        for (var v = before; v < violations.Count; v++)
            if (violations[v].Field == field("description")) violations[v] = violations[v] with { Field = field("action") };
        if (row.TargetDate is null) violations.Add(new FieldViolation(field("target_date"), "required for an action"));
        var statusReason = PlanActionChange.ReasonFor(violations, row.Status, row.StatusReason, field("status_reason"));
        if (!seen.Add((plan.Number, what.ToLowerInvariant())) && what.Length > 0)
            violations.Add(new FieldViolation(field("action"), $"another row gives recommendation {plan.Number} the same action"));

        var existing = row.ActionNumber != 0
            ? plan.Actions.FirstOrDefault(a => a.Number == row.ActionNumber)
            : plan.Actions.FirstOrDefault(a => string.Equals(a.Description, what, StringComparison.OrdinalIgnoreCase));
        if (row.ActionNumber != 0 && existing is null)
            violations.Add(new FieldViolation(field("action_number"), $"recommendation {plan.Number} has no action {row.ActionNumber}"));
        if (existing is null && row.Status == PlanActionStatus.Withdrawn)
            violations.Add(new FieldViolation(field("status"), "a new action is not added withdrawn"));
        if (existing is not null && row.TargetDate is { } date && date != existing.TargetDate && row.DateChangeReason.Length == 0)
            violations.Add(new FieldViolation(field("date_change_reason"),
                $"required: the row moves action {plan.Number}.{existing.Number}'s target date from {CalendarDate.ToText(existing.TargetDate)} to {CalendarDate.ToText(date)}"));
        if (violations.Count > before) return;

        if (existing is null)
        {
            added.Add(new NewPlanAction(plan.RecommendationId, what, role, name, row.TargetDate!.Value, row.Status ?? PlanActionStatus.NotStarted, RecordedBy, Source));
            return;
        }
        var change = new PlanActionChange(existing.Id, what, role, name, row.Status ?? existing.Status, row.Status is null ? existing.StatusReason : statusReason, RecordedBy, Source);
        if (change.Changes(existing)) changed.Add(change);
        if (row.TargetDate!.Value != existing.TargetDate)
            revised.Add(new TargetDateChange(existing.Id, row.TargetDate.Value, row.DateChangeReason, RecordedBy, Source));
    }
}
