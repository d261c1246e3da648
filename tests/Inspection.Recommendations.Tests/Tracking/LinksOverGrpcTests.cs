using Grpc.Core;
using Inspection.Contracts;
using Inspection.Recommendations.V1;
using Npgsql;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// SetRecommendationLinks and GetRecommendationLinks over the real host (issue 23): a recommendation is linked to
/// standards and key questions of its own inspection's framework, after publication too without a correction reason;
/// an id that framework lacks is refused naming the field; a set replaces the links, keeping when the kept ones were
/// made; every change is in the audit trail.
/// </summary>
public sealed class LinksOverGrpcTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private const string By = "links-tests";
    private readonly RecommendationTracking.RecommendationTrackingClient _client = service.Client;

    [Fact]
    public async Task A_recommendation_is_linked_to_its_frameworks_standards_and_key_questions_in_the_frameworks_order()
    {
        var recommendation = await RecommendationAsync(publish: false);
        var set = await _client.SetRecommendationLinksAsync(Links(recommendation, ["2.3"], ["2.2.3", "2.2.1"]));

        Assert.Equal(recommendation.InspectionId, set.InspectionId);
        Assert.Equal("pdu-2021-2023", set.FrameworkId);
        Assert.Equal(["2.3"], set.Standards.Select(s => s.Id));
        Assert.Equal("Planning", set.Standards.Single().Text);
        Assert.Equal(["2.2.1", "2.2.3"], set.KeyQuestions.Select(k => k.Id));
        Assert.Equal("Does assessment focus sufficiently on keeping other people safe?", set.KeyQuestions[1].Text);
        Assert.Equal("2.2", set.KeyQuestions[1].StandardId);
        Assert.All(set.KeyQuestions, k => Assert.Equal(By, k.LinkedBy));

        var read = await _client.GetRecommendationLinksAsync(new GetRecommendationLinksRequest { RecommendationId = recommendation.RecommendationId });
        Assert.Equal(set, read);
    }

    [Fact]
    public async Task Linking_after_publication_needs_no_correction_reason_and_leaves_the_recommendation_as_published()
    {
        var recommendation = await RecommendationAsync(publish: true);
        var set = await _client.SetRecommendationLinksAsync(Links(recommendation, [], ["2.4.2"]));
        Assert.Equal(["2.4.2"], set.KeyQuestions.Select(k => k.Id));

        var after = await _client.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = recommendation.RecommendationId });
        Assert.Equal(recommendation.Version, after.Version);
        Assert.Equal("", after.CorrectionReason);
    }

    [Fact]
    public async Task A_set_replaces_the_links_keeping_when_the_kept_ones_were_made_and_each_change_is_audited()
    {
        var recommendation = await RecommendationAsync(publish: false);
        var first = await _client.SetRecommendationLinksAsync(Links(recommendation, ["2.2"], ["2.2.1"]));
        var second = await _client.SetRecommendationLinksAsync(Links(recommendation, [], ["2.2.1", "2.5.3"], by: "someone else"));

        Assert.Empty(second.Standards);
        Assert.Equal(["2.2.1", "2.5.3"], second.KeyQuestions.Select(k => k.Id));
        Assert.Equal(first.KeyQuestions.Single(), second.KeyQuestions[0]);
        Assert.Equal("someone else", second.KeyQuestions[1].LinkedBy);

        var none = await _client.SetRecommendationLinksAsync(Links(recommendation, [], []));
        Assert.Empty(none.Standards);
        Assert.Empty(none.KeyQuestions);

        // Two inserted, then one deleted and one inserted, then two deleted: every row change is in the trail.
        Assert.Equal(6, await AuditedRowsAsync(recommendation.RecommendationId));
    }

    [Fact]
    public async Task An_id_the_inspections_framework_lacks_is_refused_naming_the_field_and_nothing_is_linked()
    {
        var recommendation = await RecommendationAsync(publish: false);
        // P2.1.1 is a 2024 key question: the recommendation's inspection follows the 2021-23 programme.
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.SetRecommendationLinksAsync(Links(recommendation, ["2.2", "9.9"], ["2.2.1", "P2.1.1"])).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["standard_ids[1]", "key_question_ids[1]"], error.FieldViolations.Select(v => v.Field));
        Assert.Contains("pdu-2021-2023", error.FieldViolations[1].Description);

        var twice = await Assert.ThrowsAsync<RpcException>(() => _client.SetRecommendationLinksAsync(Links(recommendation, [], ["2.2.1", " 2.2.1"])).ResponseAsync);
        Assert.Equal("key_question_ids[1]", Assert.Single(twice.FieldViolations).Field);

        var missing = await Assert.ThrowsAsync<RpcException>(() => _client.SetRecommendationLinksAsync(new SetRecommendationLinksRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = Guid.NewGuid().ToString(), KeyQuestionIds = { "2.2.1" }, RecordedBy = By,
        }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        var read = await _client.GetRecommendationLinksAsync(new GetRecommendationLinksRequest { RecommendationId = recommendation.RecommendationId });
        Assert.Empty(read.KeyQuestions);
        Assert.Empty(read.Standards);
    }

    private static SetRecommendationLinksRequest Links(V1.Recommendation recommendation, string[] standards, string[] keyQuestions, string by = By) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        RecommendationId = recommendation.RecommendationId,
        StandardIds = { standards },
        KeyQuestionIds = { keyQuestions },
        RecordedBy = by,
    };

    private async Task<V1.Recommendation> RecommendationAsync(bool publish)
    {
        var provider = await _client.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = $"Linked PDU {Guid.NewGuid():N}", Type = "pdu", Region = "Wales", CreatedBy = By,
        });
        var inspection = await _client.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2022-05-09", CreatedBy = By,
        });
        var added = await _client.AddRecommendationsAsync(new AddRecommendationsRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version, RecordedBy = By,
            Recommendations = { new NewRecommendation { AddresseeGroup = "provider", AddresseeProviderId = provider.ProviderId, Text = "improve risk assessment" } },
        });
        if (publish)
            await _client.PublishInspectionAsync(new PublishInspectionRequest
            {
                RequestId = Guid.NewGuid().ToString(), InspectionId = inspection.InspectionId, ExpectedVersion = added.Inspection.Version, PublishedOn = "2022-08-10", PublishedBy = By,
            });
        return (await _client.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = added.Recommendations.Single().RecommendationId }));
    }

    private async Task<long> AuditedRowsAsync(string recommendationId)
    {
        await using var connection = new NpgsqlConnection(service.Database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from audit.events where table_name = 'recommendation_links' and coalesce(after, before) ->> 'recommendation_id' = $1", connection);
        count.Parameters.Add(new NpgsqlParameter { Value = recommendationId });
        return Convert.ToInt64(await count.ExecuteScalarAsync());
    }
}
