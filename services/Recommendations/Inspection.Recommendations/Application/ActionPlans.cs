using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.Domain.Plans;
using Npgsql;

namespace Inspection.Recommendations.Application;

/// <summary>
/// Recommendation plans (issue 23): the response, the actions and their target dates, updates and reported statuses,
/// and a whole plan file at once. Each write takes the plan's row, checks the version the caller read where it
/// changes what is stored, lets the domain decide against England's today and moves the plan to its next version.
/// None of it touches the published report, so no correction reason is asked for.
/// </summary>
public sealed class ActionPlans(PlanStore plans, ProviderRegister register, RequestLedger ledger, FrameworkCatalogue frameworks, TimeProvider clock)
{
    /// <summary>The first answer, as the ledger keeps it: {"recommendation_id"}; a retry is given the plan as it stands.</summary>
    internal sealed record PlanReference(Guid RecommendationId);

    /// <summary>An import's first answer: the inspection and what the file changed.</summary>
    internal sealed record ImportReference(Guid InspectionId, int Responses, int Added, int Changed, int Revised);

    private LedgerAnswer<Written<RecommendationPlan>, PlanReference> Answer =>
        Written.Answer<RecommendationPlan, PlanReference>(p => new(p.RecommendationId), (kept, ct) => plans.GetAsync(kept.RecommendationId, ct));

    private DateOnly Today => EnglandCalendar.Today(clock);

    public Task<RecommendationPlan> GetAsync(Guid recommendationId, CancellationToken ct) => plans.GetAsync(recommendationId, ct);

    public Task<IReadOnlyList<RecommendationPlan>> ForInspectionAsync(Guid inspectionId, CancellationToken ct) => plans.ForInspectionAsync(inspectionId, ct);

    /// <summary>Open actions by target date (soonest first), for reminders and the tracker's filters.</summary>
    public async Task<IReadOnlyList<ListedAction>> ListActionsAsync(PlanActionQuery query, CancellationToken ct)
    {
        var reach = await register.ListedAsync(query.ProviderId, includePredecessors: true, ct);
        return (await plans.AddressedToAsync(reach, ct))
            .SelectMany(p => p.Actions.Where(a => query.Lists(p, a, RuleFor(p))).Select(a => new ListedAction(p, a)))
            .OrderBy(l => l.Action.TargetDate).ThenBy(l => l.Plan.Number).ThenBy(l => l.Action.Number)
            .ToList();
    }

    public PlanRule RuleFor(RecommendationPlan plan) => RuleFor(plan.FrameworkId);

    public PlanRule RuleFor(string frameworkId) => frameworks.PlanRuleFor(frameworkId);

    /// <summary>The recommendation an action belongs to (NOT_FOUND for an unknown action): what an addressee's system is checked against.</summary>
    public Task<Guid> RecommendationOfActionAsync(Guid actionId, CancellationToken ct) => plans.RecommendationOfActionAsync(actionId, ct);

    public Task<Written<RecommendationPlan>> RecordResponseAsync(string? requestId, NewResponse response, long expectedVersion, CancellationToken ct) =>
        RecordDatedAsync(RequestKeys.For(requestId, "RecordResponse", response), response.RecommendationId, expectedVersion,
            "responded_on", response.RespondedOn, (c, tx) => plans.SetResponseAsync(c, tx, response, ct), ct);

    public Task<Written<RecommendationPlan>> AddActionAsync(string? requestId, NewPlanAction action, CancellationToken ct) =>
        ledger.OnceAsync(RequestKeys.For(requestId, "AddPlanAction", action), Answer,
            (c, tx) => ChangeAsync(c, tx, action.RecommendationId, null, plan => plans.InsertActionAsync(c, tx, action, plan.NextActionNumber, ct), ct), ct);

    public Task<Written<RecommendationPlan>> UpdateActionAsync(string? requestId, PlanActionChange change, long expectedVersion, CancellationToken ct) =>
        ChangeActionAsync(RequestKeys.For(requestId, "UpdatePlanAction", change), change.ActionId, expectedVersion, (c, tx, plan) =>
        {
            plan.Action(change.ActionId);
            return plans.UpdateActionAsync(c, tx, change, ct);
        }, ct);

    public Task<Written<RecommendationPlan>> ReviseTargetDateAsync(string? requestId, TargetDateChange change, long expectedVersion, CancellationToken ct) =>
        ChangeActionAsync(RequestKeys.For(requestId, "ReviseTargetDate", change), change.ActionId, expectedVersion, (c, tx, plan) =>
        {
            var action = plan.Action(change.ActionId);
            change.EnsureMoves(action);
            return plans.InsertTargetDateAsync(c, tx, change, action.TargetDates.Count + 1, ct);
        }, ct);

    public Task<Written<RecommendationPlan>> RecordUpdateAsync(string? requestId, NewPlanUpdate update, CancellationToken ct) =>
        RecordDatedAsync(RequestKeys.For(requestId, "RecordPlanUpdate", update), update.RecommendationId, null,
            "occurred_on", update.OccurredOn, (c, tx) => plans.InsertUpdateAsync(c, tx, update, ct), ct);

    public Task<Written<RecommendationPlan>> RecordReportedStatusAsync(string? requestId, NewReportedStatus status, long expectedVersion, CancellationToken ct) =>
        RecordDatedAsync(RequestKeys.For(requestId, "RecordReportedStatus", status), status.RecommendationId, expectedVersion,
            "reported_on", status.ReportedOn, (c, tx) => plans.InsertStatusAsync(c, tx, status, ct), ct);

    /// <summary>
    /// A whole plan file: every plan of the inspection is taken (in number order), the file decided against them, and
    /// only what differs is written, so the same file twice writes once. A bad row refuses the whole file.
    /// </summary>
    /// <param name="unread">Problems found reading the rows (words, dates): refused together with the rest.</param>
    public Task<PlanImportResult> ImportAsync(string? requestId, PlanImport import, IReadOnlyList<FieldViolation> unread, CancellationToken ct) =>
        ledger.OnceAsync(RequestKeys.For(requestId, "ImportPlan", import),
            new LedgerAnswer<PlanImportResult, ImportReference>(
                r => new ImportReference(import.InspectionId, r.ResponsesRecorded, r.ActionsAdded, r.ActionsChanged, r.DatesRevised),
                async (kept, ct2) => new PlanImportResult(await plans.ForInspectionAsync(kept.InspectionId, ct2), kept.Responses, kept.Added, kept.Changed, kept.Revised)),
            async (c, tx) =>
            {
                var locked = new List<RecommendationPlan>();
                foreach (var plan in await plans.ForInspectionAsync(c, tx, import.InspectionId, ct))
                    locked.Add(await plans.LockAsync(c, tx, plan.RecommendationId, ct));
                if (locked.Count == 0) throw new PreconditionFailedException($"Inspection {Identifier.Format(import.InspectionId)} made no recommendations to plan for.");
                var changes = import.Decide(locked, Today, unread);
                var touched = new HashSet<Guid>();
                foreach (var response in changes.Responses)
                {
                    await plans.SetResponseAsync(c, tx, response, ct);
                    touched.Add(response.RecommendationId);
                }
                foreach (var group in changes.Added.GroupBy(a => a.RecommendationId))
                {
                    var next = locked.Single(p => p.RecommendationId == group.Key).NextActionNumber;
                    foreach (var action in group) await plans.InsertActionAsync(c, tx, action, next++, ct);
                    touched.Add(group.Key);
                }
                var owners = locked.SelectMany(p => p.Actions).ToDictionary(a => a.Id, a => a.RecommendationId);
                foreach (var change in changes.Changed)
                {
                    await plans.UpdateActionAsync(c, tx, change, ct);
                    touched.Add(owners[change.ActionId]);
                }
                foreach (var change in changes.Revised)
                {
                    var action = locked.SelectMany(p => p.Actions).Single(a => a.Id == change.ActionId);
                    await plans.InsertTargetDateAsync(c, tx, change, action.TargetDates.Count + 1, ct);
                    touched.Add(owners[change.ActionId]);
                }
                foreach (var id in touched) await plans.BumpAsync(c, tx, id, ct);
                return new PlanImportResult(
                    await plans.ForInspectionAsync(c, tx, import.InspectionId, ct), changes.Responses.Count, changes.Added.Count, changes.Changed.Count, changes.Revised.Count);
            }, ct);

    /// <summary>A dated record of the plan (a response, an update, a reported status): its day, in <paramref name="dateField"/>, is not after today in England.</summary>
    private Task<Written<RecommendationPlan>> RecordDatedAsync(RequestKey key, Guid recommendationId, long? expectedVersion, string dateField, DateOnly day,
        Func<NpgsqlConnection, NpgsqlTransaction, Task> write, CancellationToken ct) =>
        ledger.OnceAsync(key, Answer, (c, tx) => ChangeAsync(c, tx, recommendationId, expectedVersion, _ =>
        {
            PlanDates.NotInFuture(dateField, day, Today);
            return write(c, tx);
        }, ct), ct);

    /// <summary>A change to one action: its plan found from the action (NOT_FOUND for an unknown one), then changed as <see cref="ChangeAsync"/> does.</summary>
    private async Task<Written<RecommendationPlan>> ChangeActionAsync(RequestKey key, Guid actionId, long expectedVersion,
        Func<NpgsqlConnection, NpgsqlTransaction, RecommendationPlan, Task> write, CancellationToken ct)
    {
        var recommendationId = await plans.RecommendationOfActionAsync(actionId, ct);
        return await ledger.OnceAsync(key, Answer, (c, tx) => ChangeAsync(c, tx, recommendationId, expectedVersion, plan => write(c, tx, plan), ct), ct);
    }

    /// <summary>Takes the plan, checks it follows a published report and is at the version read (when the write changes what is stored), writes and moves it on.</summary>
    private async Task<Written<RecommendationPlan>> ChangeAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid recommendationId, long? expectedVersion, Func<RecommendationPlan, Task> write, CancellationToken ct)
    {
        var plan = await plans.LockAsync(c, tx, recommendationId, ct);
        plan.EnsurePublished();
        if (expectedVersion is { } expected) RowVersion.Ensure("Recommendation plan", recommendationId, plan.Version, expected);
        await write(plan);
        await plans.BumpAsync(c, tx, recommendationId, ct);
        return Written.New(await plans.GetAsync(c, tx, recommendationId, ct));
    }
}
