using Grpc.Core;
using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;
using Inspection.Recommendations.Domain.Plans;
using Inspection.Recommendations.Domain.Reminders;
using Inspection.Recommendations.Domain.SaidAndFound;
using Inspection.Recommendations.V1;
using Inspection.Security;

namespace Inspection.Recommendations.Grpc;

/// <summary>
/// The gRPC face of recommendation plans, thin like RecommendationTrackingService. Beside the RPC policy (methods and
/// scopes), an addressee's system (an integrator registered for a provider) is let through only to recommendations
/// addressed to its provider or one of its predecessors, and only with what its own system can say (not a monitoring
/// note or a document the inspectorate received): anything else is PERMISSION_DENIED before any work is done.
/// </summary>
public sealed class RecommendationPlansService(
    ActionPlans plans, AddresseeAccess access, DueReminders reminders, SaidAgainstFoundReport saidAgainstFound, TimeProvider clock) : RecommendationPlans.RecommendationPlansBase
{
    public override async Task<V1.RecommendationPlan> GetRecommendationPlan(GetRecommendationPlanRequest request, ServerCallContext context)
    {
        var id = Id(request.RecommendationId, "recommendation_id");
        await EnsureOwnAsync(context, id);
        return Message(await plans.GetAsync(id, context.CancellationToken));
    }

    public override async Task<ListInspectionPlansResponse> ListInspectionPlans(ListInspectionPlansRequest request, ServerCallContext context)
    {
        var found = await plans.ForInspectionAsync(Id(request.InspectionId, "inspection_id"), context.CancellationToken);
        var response = new ListInspectionPlansResponse();
        response.Plans.AddRange(found.Select(Message));
        return response;
    }

    public override async Task<ListPlanActionsResponse> ListPlanActions(ListPlanActionsRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        var query = PlanActionQuery.Create(
            violations, request.ProviderId, request.DueBy, request.OffTrackOnly,
            string.IsNullOrWhiteSpace(request.ReportedStatus) ? null : WireWords.ReportedProgressWords.Parse(violations, "reported_status", request.ReportedStatus),
            request.AsOf, EnglandCalendar.Today(clock));
        var listed = await plans.ListActionsAsync(query, context.CancellationToken);
        var response = new ListPlanActionsResponse();
        response.Actions.AddRange(listed.Select(l => new ListedPlanAction
        {
            Action = l.Action.ToMessage(plans.RuleFor(l.Plan), query.AsOf), RecommendationId = Identifier.Format(l.Plan.RecommendationId),
            InspectionId = Identifier.Format(l.Plan.InspectionId), AddresseeProviderId = Identifier.Format(l.Plan.AddresseeProviderId),
            RecommendationNumber = l.Plan.Number, ReportedStatus = l.Plan.ReportedStatuses.LastOrDefault()?.Status.Word() ?? string.Empty, Priority = l.Plan.Priority,
        }));
        return response;
    }

    public override async Task<V1.RecommendationPlan> RecordResponse(RecordResponseRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var violations = new List<FieldViolation>();
        var version = ExpectedVersion(request.ExpectedVersion, violations);
        var word = WireWords.AddresseeResponses.Parse(violations, "response", request.Response);
        var response = NewResponse.Create(violations, request.RecommendationId, word, request.Reason, request.RespondedOn, request.RecordedBy, SourceOf(context));
        await EnsureOwnAsync(context, response.RecommendationId);
        return Message((await plans.RecordResponseAsync(requestId, response, version, context.CancellationToken)).Value);
    }

    public override async Task<V1.RecommendationPlan> AddPlanAction(AddPlanActionRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var violations = new List<FieldViolation>();
        var status = string.IsNullOrWhiteSpace(request.Status) ? null : WireWords.PlanActionStatuses.Parse(violations, "status", request.Status);
        var action = NewPlanAction.Create(
            violations, request.RecommendationId, request.Description, request.OwnerRole, request.OwnerName, request.TargetDate, status, request.RecordedBy, SourceOf(context));
        await EnsureOwnAsync(context, action.RecommendationId);
        return Message((await plans.AddActionAsync(requestId, action, context.CancellationToken)).Value);
    }

    public override async Task<V1.RecommendationPlan> UpdatePlanAction(UpdatePlanActionRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var violations = new List<FieldViolation>();
        var version = ExpectedVersion(request.ExpectedVersion, violations);
        var status = WireWords.PlanActionStatuses.Parse(violations, "status", request.Status);
        var change = PlanActionChange.Create(
            violations, request.ActionId, request.Description, request.OwnerRole, request.OwnerName, status, request.StatusReason, request.RecordedBy, SourceOf(context));
        await EnsureOwnActionAsync(context, change.ActionId);
        return Message((await plans.UpdateActionAsync(requestId, change, version, context.CancellationToken)).Value);
    }

    public override async Task<V1.RecommendationPlan> ReviseTargetDate(ReviseTargetDateRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var violations = new List<FieldViolation>();
        var version = ExpectedVersion(request.ExpectedVersion, violations);
        var change = TargetDateChange.Create(violations, request.ActionId, request.TargetDate, request.Reason, request.RecordedBy, SourceOf(context));
        await EnsureOwnActionAsync(context, change.ActionId);
        return Message((await plans.ReviseTargetDateAsync(requestId, change, version, context.CancellationToken)).Value);
    }

    public override async Task<V1.RecommendationPlan> RecordPlanUpdate(RecordPlanUpdateRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var violations = new List<FieldViolation>();
        var kind = WireWords.PlanUpdateKinds.Parse(violations, "kind", request.Kind);
        var update = NewPlanUpdate.Create(violations, request.RecommendationId, kind, request.OccurredOn, request.Author, request.Text, request.RecordedBy, SourceOf(context));
        if (update.Source == PlanSource.AddresseeSystem && update.Kind != PlanUpdateKind.ProviderUpdate)
            throw Denied(context, $"an addressee's system sends its own updates ({PlanUpdateKind.ProviderUpdate.Word()}), not '{update.Kind.Word()}'");
        await EnsureOwnAsync(context, update.RecommendationId);
        return Message((await plans.RecordUpdateAsync(requestId, update, context.CancellationToken)).Value);
    }

    public override async Task<V1.RecommendationPlan> RecordReportedStatus(RecordReportedStatusRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        var violations = new List<FieldViolation>();
        var version = ExpectedVersion(request.ExpectedVersion, violations);
        var word = WireWords.ReportedProgressWords.Parse(violations, "status", request.Status);
        var status = NewReportedStatus.Create(violations, request.RecommendationId, word, request.ReportedOn, request.Note, request.RecordedBy, SourceOf(context));
        await EnsureOwnAsync(context, status.RecommendationId);
        return Message((await plans.RecordReportedStatusAsync(requestId, status, version, context.CancellationToken)).Value);
    }

    public override async Task<ImportPlanResponse> ImportPlan(ImportPlanRequest request, ServerCallContext context)
    {
        var requestId = RequestKeys.Id(request.RequestId);
        if (request.Rows.Count > PlanImport.MaxRows) throw new ValidationException("rows", $"lists {request.Rows.Count} rows; at most {PlanImport.MaxRows}");
        var unread = new List<FieldViolation>();
        var rows = request.Rows.ToRows(unread);
        var import = PlanImport.Create([], request.InspectionId, rows, request.RecordedBy, SourceOf(context));
        if (import.Source == PlanSource.AddresseeSystem)
            throw Denied(context, "a whole inspection's plan file is imported by staff; an addressee's system sends its actions one by one");
        var result = await plans.ImportAsync(requestId, import, unread, context.CancellationToken);
        var response = new ImportPlanResponse
        {
            ResponsesRecorded = result.ResponsesRecorded, ActionsAdded = result.ActionsAdded, ActionsChanged = result.ActionsChanged, DatesRevised = result.DatesRevised,
        };
        response.Plans.AddRange(result.Plans.Select(Message));
        return response;
    }

    public override async Task<ListRemindersResponse> ListReminders(ListRemindersRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        var response = string.IsNullOrWhiteSpace(request.Response) ? null : WireWords.ResponseFilters.Parse(violations, "response", request.Response);
        var query = ReminderQuery.Create(
            violations, request.ProviderId, response, request.OffTrackOnly, request.PriorityOnly, request.WithinDays, request.AsOf, EnglandCalendar.Today(clock),
            request.PageSize, request.PageToken, request.CauseForConcernOnly);
        var (list, page) = await reminders.ListAsync(query, context.CancellationToken);
        return list.ToMessage(page, query, plans.RuleFor);
    }

    public override async Task<V1.SaidAgainstFound> GetSaidAgainstFound(GetSaidAgainstFoundRequest request, ServerCallContext context) =>
        (await saidAgainstFound.GetAsync(SaidAgainstFoundQuery.Create([], request.ProviderId, request.Region), context.CancellationToken)).ToMessage();

    private V1.RecommendationPlan Message(Domain.Plans.RecommendationPlan plan) => plan.ToMessage(plans.RuleFor(plan), EnglandCalendar.Today(clock));

    private static PlanSource SourceOf(ServerCallContext context) =>
        Caller.Of(context)?.Kind == CallerKind.Integrator ? PlanSource.AddresseeSystem : PlanSource.Staff;

    /// <summary>Staff pass (the RPC policy has checked their role); an integrator only for its own provider's recommendations.</summary>
    private async Task EnsureOwnAsync(ServerCallContext context, Guid recommendationId)
    {
        if (Caller.Of(context) is not { Kind: CallerKind.Integrator } caller) return;
        if (!Guid.TryParse(caller.ProviderId, out var provider))
            throw Denied(context, "it is not registered for an addressee, so it may not send plans");
        if (!await access.AllowsAsync(provider, recommendationId, context.CancellationToken))
            throw Denied(context, $"recommendation {Identifier.Format(recommendationId)} is not addressed to its provider or a predecessor of it");
    }

    private async Task EnsureOwnActionAsync(ServerCallContext context, Guid actionId)
    {
        if (Caller.Of(context) is not { Kind: CallerKind.Integrator }) return;
        Guid recommendationId;
        try
        {
            recommendationId = await plans.RecommendationOfActionAsync(actionId, context.CancellationToken);
        }
        catch (NotFoundException)
        {
            throw Denied(context, $"action {Identifier.Format(actionId)} is not one of its provider's");
        }
        await EnsureOwnAsync(context, recommendationId);
    }

    private static RpcException Denied(ServerCallContext context, string why) =>
        new(new Status(StatusCode.PermissionDenied, $"{Caller.Of(context)?.AuditName ?? "the caller"} may not call {context.Method}: {why}"));

    private static long ExpectedVersion(long expectedVersion, List<FieldViolation> violations) => RequestText.ExpectedVersion(expectedVersion, violations);

    private static Guid Id(string id, string field)
    {
        var violations = new List<FieldViolation>();
        var valid = Identifier.ParseRequired(id, field, violations);
        ValidationException.ThrowIfAny(violations);
        return valid;
    }
}
