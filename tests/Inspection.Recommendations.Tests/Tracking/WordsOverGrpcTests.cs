using Grpc.Core;
using Inspection.Contracts;
using Inspection.Recommendations.V1;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// Recommendation tracking reads its words under the product's one word rule (README, "Words on the wire"): other case
/// and spacing are the canonical word, which is what is stored and answered; anything else is INVALID_ARGUMENT naming
/// the field and the allowed words.
/// </summary>
public sealed class WordsOverGrpcTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private readonly RecommendationTracking.RecommendationTrackingClient _client = service.Client;

    private static string NewId() => Guid.NewGuid().ToString();

    [Fact]
    public async Task Words_in_other_case_and_spacing_are_read_as_the_canonical_word()
    {
        var region = $"Words {NewId()}";
        var provider = await _client.CreateProviderAsync(new CreateProviderRequest { RequestId = NewId(), Name = $"PDU {NewId()}", Type = "PDU", Region = region, CreatedBy = "t" });
        var body = await _client.CreateProviderAsync(new CreateProviderRequest { RequestId = NewId(), Name = $"Body {NewId()}", Type = "NPS Division", Region = region, CreatedBy = "t" });
        var inspection = await _client.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = NewId(), ProviderId = provider.ProviderId, FrameworkId = ReferenceData.AnnexInspection.Text("framework"),
            FieldworkStart = ReferenceData.AnnexInspection.Text("fieldwork_start"), CreatedBy = "t",
        });
        var add = new AddRecommendationsRequest { RequestId = NewId(), InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version, RecordedBy = "t" };
        add.Recommendations.Add(new NewRecommendation { AddresseeGroup = " Provider", AddresseeProviderId = provider.ProviderId, Text = "Reduce caseloads" });
        var added = await _client.AddRecommendationsAsync(add);

        var providers = await _client.ListProvidersAsync(new ListProvidersRequest { Type = "nps-division", Region = region });
        var inspections = await _client.ListInspectionsAsync(new ListInspectionsRequest { ProviderId = provider.ProviderId, Status = "PLANNED" });
        var neverJudged = await _client.ListRecommendationsAsync(new ListRecommendationsRequest { ProviderId = provider.ProviderId, LatestJudgement = "None" });

        Assert.Equal(("pdu", "nps_division", "provider"), (provider.Type, body.Type, Assert.Single(added.Recommendations).AddresseeGroup));
        Assert.Equal([body.ProviderId], providers.Providers.Select(p => p.ProviderId));
        Assert.Equal([inspection.InspectionId], inspections.Inspections.Select(i => i.InspectionId));
        Assert.Equal(added.Recommendations.Select(r => r.RecommendationId), neverJudged.Recommendations.Select(r => r.RecommendationId));
    }

    [Fact]
    public async Task Any_other_word_is_invalid_argument_naming_the_field_and_the_allowed_words()
    {
        var type = await Assert.ThrowsAsync<RpcException>(() =>
            _client.CreateProviderAsync(new CreateProviderRequest { RequestId = NewId(), Name = "Prison", Type = "prison", Region = "r", CreatedBy = "t" }).ResponseAsync);
        var grouping = await Assert.ThrowsAsync<RpcException>(() =>
            _client.GetProgressSummaryAsync(new GetProgressSummaryRequest { GroupBy = "month" }).ResponseAsync);
        var status = await Assert.ThrowsAsync<RpcException>(() =>
            _client.ListInspectionsAsync(new ListInspectionsRequest { Status = "draft" }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.InvalidArgument), (type.StatusCode, grouping.StatusCode, status.StatusCode));
        var typeViolation = Assert.Single(type.FieldViolations);
        Assert.Equal("type", typeViolation.Field);
        Assert.Contains("pdu, region, nps_division, crc, probation_area, national_body", typeViolation.Description);
        var groupingViolation = Assert.Single(grouping.FieldViolations);
        Assert.Equal("group_by", groupingViolation.Field);
        Assert.Contains("inspection, provider, region, addressee, year", groupingViolation.Description);
        var statusViolation = Assert.Single(status.FieldViolations);
        Assert.Equal("status", statusViolation.Field);
        Assert.Contains("planned, published", statusViolation.Description);
    }
}
