using Google.Protobuf;
using Inspection.Recommendations.Tests.Tracking;
using Inspection.Recommendations.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Plans;

/// <summary>Every write RPC of the plans contract, found from its descriptor, is safe to retry (RetriedWrites), as RetrySafetyTests proves for the tracking contract.</summary>
public sealed class PlanRetrySafetyTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private const string By = PlanSetting.By;
    private readonly RecommendationPlans.RecommendationPlansClient _plans = service.Host.CreateClient<RecommendationPlans.RecommendationPlansClient>();
    private readonly PlanSetting _setting = new(service.Client);

    public static TheoryData<string> WriteRpcs => RetriedWrites.WriteRpcNames(RecommendationPlans.Descriptor);

    [Theory]
    [MemberData(nameof(WriteRpcs))]
    public async Task A_retry_with_the_same_request_id_writes_once_and_returns_the_first_answer(string rpc)
    {
        var check = new RetriedWrites(RecommendationPlans.Descriptor, service.Host.Channel.CreateCallInvoker(), service.Database);
        await check.CheckAsync(rpc, Requests);
    }

    [Fact]
    public void Every_write_rpc_of_the_contract_is_checked_and_no_read() =>
        RetriedWrites.AssertEveryWriteRequested(RecommendationPlans.Descriptor, Requests.Keys, 7);   // response, three action writes, update, status, import

    /// <summary>A valid request per write RPC for a request id; each on a recommendation of its own, so two requests differ.</summary>
    private IReadOnlyDictionary<string, Func<string, Task<IMessage>>> Requests => new Dictionary<string, Func<string, Task<IMessage>>>
    {
        ["RecordResponse"] = async id => new RecordResponseRequest
        {
            RequestId = id, RecommendationId = await RecommendationAsync(), ExpectedVersion = 1, Response = "Agreed", RespondedOn = "2024-09-20", RecordedBy = By,
        },
        ["AddPlanAction"] = async id => new AddPlanActionRequest
        {
            RequestId = id, RecommendationId = await RecommendationAsync(), Description = "Audit", OwnerRole = "Head of PDU", TargetDate = "2099-01-31", RecordedBy = By,
        },
        ["UpdatePlanAction"] = async id =>
        {
            var plan = await ActionAsync();
            return new UpdatePlanActionRequest
            {
                RequestId = id, ActionId = plan.Actions[0].ActionId, ExpectedVersion = plan.Version, Description = "Audit", OwnerRole = "Head of PDU", Status = "In progress",
                RecordedBy = By,
            };
        },
        ["ReviseTargetDate"] = async id =>
        {
            var plan = await ActionAsync();
            return new ReviseTargetDateRequest
            {
                RequestId = id, ActionId = plan.Actions[0].ActionId, ExpectedVersion = plan.Version, TargetDate = "2099-06-30", Reason = "later", RecordedBy = By,
            };
        },
        ["RecordPlanUpdate"] = async id => new RecordPlanUpdateRequest
        {
            RequestId = id, RecommendationId = await RecommendationAsync(), Kind = "provider_update", OccurredOn = "2025-01-10", Author = "PDU", Text = "started",
            RecordedBy = By,
        },
        ["RecordReportedStatus"] = async id => new RecordReportedStatusRequest
        {
            RequestId = id, RecommendationId = await RecommendationAsync(), ExpectedVersion = 1, Status = "On track", ReportedOn = "2025-01-10", RecordedBy = By,
        },
        ["ImportPlan"] = async id => new ImportPlanRequest
        {
            RequestId = id, InspectionId = (await _setting.PublishedAsync(count: 1)).Inspection.InspectionId, RecordedBy = By,
            Rows = { new PlanRow { RecommendationNumber = 1, Response = "Agreed", RespondedOn = "2024-09-20", Action = "Audit", OwnerRole = "Head of PDU", TargetDate = "2099-01-31" } },
        },
    };

    private async Task<string> RecommendationAsync() => (await _setting.PublishedAsync(count: 1)).Recommendations[0].RecommendationId;

    private async Task<V1.RecommendationPlan> ActionAsync() =>
        await _plans.AddPlanActionAsync(new AddPlanActionRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = await RecommendationAsync(), Description = "Audit", OwnerRole = "Head of PDU", TargetDate = "2099-01-31",
            RecordedBy = By,
        });
}
