using Google.Protobuf;
using Inspection.Recommendations.Tests.Tracking;
using Inspection.Recommendations.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Concerns;

/// <summary>Every write RPC of the causes-for-concern contract, found from its descriptor, is safe to retry (RetriedWrites).</summary>
public sealed class ConcernRetrySafetyTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private readonly CausesForConcern.CausesForConcernClient _concerns = service.Host.CreateClient<CausesForConcern.CausesForConcernClient>();
    private readonly ConcernSetting _setting = new(service.Client, service.Host.CreateClient<RecommendationPlans.RecommendationPlansClient>());

    public static TheoryData<string> WriteRpcs => RetriedWrites.WriteRpcNames(CausesForConcern.Descriptor);

    [Theory]
    [MemberData(nameof(WriteRpcs))]
    public async Task A_retry_with_the_same_request_id_writes_once_and_returns_the_first_answer(string rpc)
    {
        var check = new RetriedWrites(CausesForConcern.Descriptor, service.Host.Channel.CreateCallInvoker(), service.Database);
        await check.CheckAsync(rpc, Requests);
    }

    [Fact]
    public void Every_write_rpc_of_the_contract_is_checked_and_no_read() =>
        RetriedWrites.AssertEveryWriteRequested(CausesForConcern.Descriptor, Requests.Keys, 2);   // close, evaluate

    /// <summary>A valid request per write RPC; each on a provider of its own, so two requests differ.</summary>
    private IReadOnlyDictionary<string, Func<string, Task<IMessage>>> Requests => new Dictionary<string, Func<string, Task<IMessage>>>
    {
        ["CloseCauseForConcern"] = async id =>
        {
            var (provider, _) = await _setting.PriorityNotAgreedAsync();
            var concern = (await _concerns.ListCausesForConcernAsync(new ListCausesForConcernRequest { ProviderId = provider.ProviderId })).Concerns.Single();
            return new CloseCauseForConcernRequest { RequestId = id, ConcernId = concern.ConcernId, ExpectedVersion = concern.Version, Reason = "resolved", ClosedBy = "retry-tests" };
        },
        // A provider with nothing to flag: the evaluation writes its ledger entry only, the same every time.
        ["EvaluateCausesForConcern"] = async id => new EvaluateCausesForConcernRequest { RequestId = id, ProviderId = (await _setting.ProviderAsync()).ProviderId },
    };
}
