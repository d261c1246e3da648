using Grpc.Core;
using Grpc.Net.Client;
using Inspection.Recommendations.Tests.Tracking;
using Inspection.Recommendations.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Plans;

/// <summary>
/// An addressee's own system (an integrator registered for one provider, with the plans.write scope) sends the plan,
/// actions, updates and reported status of its own recommendations, including those it inherited from a predecessor,
/// and is refused everything else with PERMISSION_DENIED: another provider's recommendations, other RPCs, the
/// inspectorate's own notes, and the whole-file import.
/// </summary>
public sealed class AddresseeSystemTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>, IDisposable
{
    private const string By = "pdu-plan-system";
    private readonly GrpcChannel _bare = GrpcChannel.ForAddress(service.Host.GrpcAddress);
    private readonly PlanSetting _setting = new(service.Client);

    public void Dispose() => _bare.Dispose();

    private RecommendationPlans.RecommendationPlansClient Plans => new(_bare);

    private static CallOptions As(string bearer) => new(new Metadata { { "authorization", bearer } }, DateTime.UtcNow.AddSeconds(30));

    [Fact]
    public async Task It_sends_its_own_plan_and_updates_and_is_refused_everything_else()
    {
        var own = await _setting.PublishedAsync();
        var providerId = own.Inspection.ProviderId;
        var system = As(TestKeys.BearerForAddressee("int-pdu-plans", providerId, "plans.write"));
        var id = own.Recommendations[0].RecommendationId;

        var plan = await Plans.RecordResponseAsync(new RecordResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, ExpectedVersion = 1, Response = "Agreed", RespondedOn = "2024-09-28", RecordedBy = By,
        }, system);
        plan = await Plans.AddPlanActionAsync(new AddPlanActionRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, Description = "Quality-assure risk plans", OwnerRole = "Senior probation officer",
            TargetDate = "2099-04-30", RecordedBy = By,
        }, system);
        plan = await Plans.ReviseTargetDateAsync(new ReviseTargetDateRequest
        {
            RequestId = Guid.NewGuid().ToString(), ActionId = plan.Actions[0].ActionId, ExpectedVersion = plan.Version, TargetDate = "2099-05-31",
            Reason = "recruitment", RecordedBy = By,
        }, system);
        plan = await Plans.RecordPlanUpdateAsync(new RecordPlanUpdateRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, Kind = "provider_update", OccurredOn = "2025-03-01", Author = "Head of PDU",
            Text = "Half of the plans reviewed.", RecordedBy = By,
        }, system);
        plan = await Plans.RecordReportedStatusAsync(new RecordReportedStatusRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, ExpectedVersion = plan.Version, Status = "On track", ReportedOn = "2025-03-01", RecordedBy = By,
        }, system);
        plan = await Plans.GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = id }, system);
        Assert.Equal("addressee_system", plan.Response.Source);
        Assert.Equal(["addressee_system", "addressee_system"], plan.Actions[0].TargetDates.Select(d => d.Source));
        Assert.Equal(("On track", "addressee_system"), (plan.ReportedStatuses[0].Status, plan.ReportedStatuses[0].Source));

        var other = (await _setting.PublishedAsync()).Recommendations[0];
        await Denied(() => Plans.GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = other.RecommendationId }, system).ResponseAsync);
        await Denied(() => Plans.RecordResponseAsync(new RecordResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = other.RecommendationId, ExpectedVersion = 1, Response = "Agreed", RespondedOn = "2024-09-28", RecordedBy = By,
        }, system).ResponseAsync);
        await Denied(() => Plans.AddPlanActionAsync(new AddPlanActionRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = other.RecommendationId, Description = "Not ours", OwnerRole = "Anyone", TargetDate = "2099-01-01",
            RecordedBy = By,
        }, system).ResponseAsync);
        await Denied(() => Plans.RecordPlanUpdateAsync(new RecordPlanUpdateRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, Kind = "monitoring_note", OccurredOn = "2025-03-01", Author = "Head of PDU", Text = "We are fine.",
            RecordedBy = By,
        }, system).ResponseAsync);
        await Denied(() => Plans.ImportPlanAsync(new ImportPlanRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = own.Inspection.InspectionId, RecordedBy = By, Rows = { new PlanRow { RecommendationNumber = 1 } },
        }, system).ResponseAsync);
        await Denied(() => Plans.ListInspectionPlansAsync(new ListInspectionPlansRequest { InspectionId = own.Inspection.InspectionId }, system).ResponseAsync);
        var tracking = new RecommendationTracking.RecommendationTrackingClient(_bare);
        await Denied(() => tracking.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = id }, system).ResponseAsync);
        await Denied(() => tracking.RecordProgressJudgementAsync(new RecordProgressJudgementRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, InspectionId = own.Inspection.InspectionId, ExpectedVersion = 1, Judgement = "Sufficient progress",
            RecordedBy = By,
        }, system).ResponseAsync);

        // Nothing of the refused calls was written.
        var otherPlan = await new RecommendationPlans.RecommendationPlansClient(service.Host.Channel)
            .GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = other.RecommendationId });
        Assert.Equal((1L, 0), (otherPlan.Version, otherPlan.Actions.Count));
    }

    [Fact]
    public async Task It_reaches_the_recommendations_of_its_providers_predecessors_and_an_unbound_integrator_reaches_none()
    {
        var predecessor = await _setting.PublishedAsync(type: "crc");
        var successor = await _setting.ProviderAsync();
        await _setting.RestructureAsync(successor, predecessor.Inspection.ProviderId);
        var inherited = predecessor.Recommendations[0].RecommendationId;

        var system = As(TestKeys.BearerForAddressee("int-successor", successor.ProviderId, "plans.write"));
        var plan = await Plans.GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = inherited }, system);
        Assert.Equal(predecessor.Inspection.ProviderId, plan.AddresseeProviderId);

        // The predecessor's own system does not reach the successor's recommendations.
        var successorsOwn = (await _setting.PublishedAsync(successor.ProviderId)).Recommendations[0].RecommendationId;
        var old = As(TestKeys.BearerForAddressee("int-predecessor", predecessor.Inspection.ProviderId, "plans.write"));
        await Denied(() => Plans.GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = successorsOwn }, old).ResponseAsync);

        var unbound = As(TestKeys.BearerForIntegrator("int-unbound", "plans.write"));
        await Denied(() => Plans.GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = inherited }, unbound).ResponseAsync);
    }

    private static async Task Denied(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
