using Google.Protobuf;
using Inspection.Recommendations.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// Every write RPC of the recommendation tracking contract, found from its descriptor, is safe to retry
/// (RetriedWrites): a retry with the same request id writes once and returns the first answer, calls at once with one
/// id write once, and the id reused for another request is ALREADY_EXISTS. A write RPC added to the contract fails here
/// until it is given a request below.
/// </summary>
public sealed class RetrySafetyTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private const string By = "retry-tests";
    private readonly RecommendationTracking.RecommendationTrackingClient _client = service.Client;

    public static TheoryData<string> WriteRpcs => RetriedWrites.WriteRpcNames(RecommendationTracking.Descriptor);

    [Theory]
    [MemberData(nameof(WriteRpcs))]
    public async Task A_retry_with_the_same_request_id_writes_once_and_returns_the_first_answer(string rpc)
    {
        var check = new RetriedWrites(RecommendationTracking.Descriptor, service.Host.Channel.CreateCallInvoker(), service.Database);
        await check.CheckAsync(rpc, Requests);
    }

    [Fact]
    public void Every_write_rpc_of_the_contract_is_checked_and_no_read()
    {
        RetriedWrites.AssertEveryWriteRequested(RecommendationTracking.Descriptor, Requests.Keys, 11);   // four register writes, four calendar writes, recommendations, judgements, links: no read slipped in unmarked
    }

    /// <summary>A valid request per write RPC for a request id; each creates what it refers to, so two requests differ.</summary>
    private IReadOnlyDictionary<string, Func<string, Task<IMessage>>> Requests => new Dictionary<string, Func<string, Task<IMessage>>>
    {
        ["CreateProvider"] = id => Task.FromResult<IMessage>(NewProvider(id)),
        ["RecordRestructure"] = async id =>
        {
            var successor = await ProviderAsync();
            var predecessor = await ProviderAsync("crc");
            var request = new RecordRestructureRequest
            {
                RequestId = id, ProviderId = successor.ProviderId, ExpectedVersion = successor.Version, EffectiveOn = "2021-06-26", RecordedBy = By,
            };
            request.Predecessors.Add(new PredecessorPart { ProviderId = predecessor.ProviderId, Note = "part of it" });
            return request;
        },
        ["UpdateProvider"] = async id =>
        {
            var provider = await ProviderAsync();
            return new UpdateProviderRequest
            {
                RequestId = id, ProviderId = provider.ProviderId, ExpectedVersion = provider.Version, Name = provider.Name + " (renamed)",
                Region = "Wales South", ActiveFrom = "2021-06-26", UpdatedBy = By,
            };
        },
        ["RetireProvider"] = async id =>
        {
            var provider = await ProviderAsync();
            return new RetireProviderRequest { RequestId = id, ProviderId = provider.ProviderId, ExpectedVersion = provider.Version, Reason = "entered twice", RetiredBy = By };
        },
        ["CreateInspection"] = async id => NewInspection(id, (await ProviderAsync()).ProviderId, "pdu-2024", "2024-06-03"),
        ["PublishInspection"] = async id => Publication(id, await InspectionAsync()),
        ["RecordImprovementPlanReceipt"] = async id =>
        {
            var published = await _client.PublishInspectionAsync(Publication(Guid.NewGuid().ToString(), await InspectionAsync()));
            return new RecordImprovementPlanReceiptRequest
            {
                RequestId = id, InspectionId = published.InspectionId, ExpectedVersion = published.Version, ReceivedOn = "2024-09-02", RecordedBy = By,
            };
        },
        ["CorrectPublishedInspection"] = async id =>
        {
            var published = await _client.PublishInspectionAsync(Publication(Guid.NewGuid().ToString(), await InspectionAsync()));
            return new CorrectPublishedInspectionRequest
            {
                RequestId = id, InspectionId = published.InspectionId, ExpectedVersion = published.Version, PublishedOn = "2024-08-08",
                CorrectionReason = "the report went online a week later", CorrectedBy = By,
            };
        },
        ["AddRecommendations"] = async id => Recommendations(id, await InspectionAsync()),
        ["RecordProgressJudgement"] = async id =>
        {
            // A recommendation of a published inspection is due for judgement at the provider's next inspection.
            var first = await InspectionAsync(framework: "nps-division-2018", fieldworkStart: "2018-10-01", type: "crc");
            var added = await _client.AddRecommendationsAsync(Recommendations(Guid.NewGuid().ToString(), first));
            await _client.PublishInspectionAsync(Publication(Guid.NewGuid().ToString(), added.Inspection, "2019-01-15"));
            var next = await _client.CreateInspectionAsync(NewInspection(Guid.NewGuid().ToString(), first.ProviderId, "nps-division-2018", "2020-02-03"));
            var recommendation = added.Recommendations.Single();
            return new RecordProgressJudgementRequest
            {
                RequestId = id, RecommendationId = recommendation.RecommendationId, InspectionId = next.InspectionId, ExpectedVersion = recommendation.Version,
                Judgement = "Some progress", Findings = "supervision is now monthly", RecordedBy = By,
            };
        },
        ["SetRecommendationLinks"] = async id =>
        {
            var added = await _client.AddRecommendationsAsync(Recommendations(Guid.NewGuid().ToString(), await InspectionAsync()));
            return new SetRecommendationLinksRequest
            {
                RequestId = id, RecommendationId = added.Recommendations.Single().RecommendationId, StandardIds = { "P2.1" }, KeyQuestionIds = { "P2.1.3" }, RecordedBy = By,
            };
        },
    };

    private static CreateProviderRequest NewProvider(string requestId, string type = "pdu") => new()
    {
        RequestId = requestId, Name = $"Retried {type} {Guid.NewGuid():N}", Type = type, Region = "Wales", CreatedBy = By,
    };

    private static CreateInspectionRequest NewInspection(string requestId, string providerId, string framework, string fieldworkStart) => new()
    {
        RequestId = requestId, ProviderId = providerId, FrameworkId = framework, FieldworkStart = fieldworkStart, CreatedBy = By,
    };

    private static PublishInspectionRequest Publication(string requestId, V1.Inspection inspection, string publishedOn = "2024-08-01") => new()
    {
        RequestId = requestId, InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version, PublishedOn = publishedOn, PublishedBy = By,
    };

    private static AddRecommendationsRequest Recommendations(string requestId, V1.Inspection inspection)
    {
        var request = new AddRecommendationsRequest { RequestId = requestId, InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version, RecordedBy = By };
        request.Recommendations.Add(new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = inspection.ProviderId, Text = "improve supervision" });
        return request;
    }

    private async Task<V1.Provider> ProviderAsync(string type = "pdu") => await _client.CreateProviderAsync(NewProvider(Guid.NewGuid().ToString(), type));

    // Each write gets an inspection (of a provider) of its own, so no other test moves its version.
    private async Task<V1.Inspection> InspectionAsync(string framework = "pdu-2024", string fieldworkStart = "2024-06-03", string type = "pdu") =>
        await _client.CreateInspectionAsync(NewInspection(Guid.NewGuid().ToString(), (await ProviderAsync(type)).ProviderId, framework, fieldworkStart));
}
