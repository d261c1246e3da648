using Grpc.Core;
using Inspection.Domain.Dates;
using Inspection.Recommendations.V1;
using Inspection.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>
/// Over gRPC to the real host on its own PostgreSQL database: recording an improvement plan's receipt (overdue means
/// published, past due and no plan received), and which regions, divisions and national bodies an inspection's
/// recommendations may be addressed to.
/// </summary>
public sealed class ImprovementPlanAndAddresseeTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private readonly RecommendationTracking.RecommendationTrackingClient _client = service.Client;
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    private Task<Provider> ProviderAsync(string name, string type, string region, string activeFrom = "", string activeTo = "") =>
        _client.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = $"{name} {_tag}", Type = type, Region = region, ActiveFrom = activeFrom, ActiveTo = activeTo, CreatedBy = "tests",
        }).ResponseAsync;

    private Task<Inspection.Recommendations.V1.Inspection> InspectionAsync(Provider provider, string fieldworkStart) =>
        _client.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = fieldworkStart, CreatedBy = "tests",
        }).ResponseAsync;

    private Task<AddRecommendationsResponse> AddAsync(Inspection.Recommendations.V1.Inspection inspection, params (string Group, Provider To)[] items)
    {
        var request = new AddRecommendationsRequest { RequestId = Guid.NewGuid().ToString(), InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version, RecordedBy = "tests" };
        request.Recommendations.AddRange(items.Select(i => new NewRecommendation { AddresseeGroup = i.Group, AddresseeProviderId = i.To.ProviderId, Text = $"act on it for {i.To.Name}" }));
        return _client.AddRecommendationsAsync(request).ResponseAsync;
    }

    private async Task<Inspection.Recommendations.V1.Inspection> PublishedWithRecommendationsAsync(Provider pdu, string publishedOn)
    {
        var inspection = await InspectionAsync(pdu, "2022-01-10");
        var added = await AddAsync(inspection, ("provider", pdu), ("provider", pdu));
        return await _client.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = inspection.InspectionId, ExpectedVersion = added.Inspection.Version, PublishedOn = publishedOn, PublishedBy = "tests",
        });
    }

    private Task<Inspection.Recommendations.V1.Inspection> ReceiveAsync(Inspection.Recommendations.V1.Inspection inspection, string receivedOn, string? requestId = null) =>
        _client.RecordImprovementPlanReceiptAsync(new RecordImprovementPlanReceiptRequest
        {
            RequestId = requestId ?? Guid.NewGuid().ToString(), InspectionId = inspection.InspectionId, ExpectedVersion = inspection.Version, ReceivedOn = receivedOn, RecordedBy = "lead@inspection.test",
        }).ResponseAsync;

    private async Task<IReadOnlyList<string>> OverdueTextsAsync(Provider pdu) =>
        (await _client.ListRecommendationsAsync(new ListRecommendationsRequest { ProviderId = pdu.ProviderId, OverdueOnly = true })).Recommendations.Select(r => r.RecommendationId).ToList();

    [Fact]
    public async Task An_improvement_plan_is_overdue_only_until_its_receipt_is_recorded()
    {
        var pdu = await ProviderAsync("Plan PDU", "pdu", "Wales");
        var published = await PublishedWithRecommendationsAsync(pdu, "2022-03-01");

        var overdueBefore = await OverdueTextsAsync(pdu);
        var inspectionsOverdueBefore = await _client.ListInspectionsAsync(new ListInspectionsRequest { ProviderId = pdu.ProviderId, ImprovementPlanOverdueOnly = true });
        var requestId = Guid.NewGuid().ToString();
        var received = await ReceiveAsync(published, "2022-03-25", requestId);
        var retried = await ReceiveAsync(published, "2022-03-25", requestId);
        var overdueAfter = await OverdueTextsAsync(pdu);
        var inspectionsOverdueAfter = await _client.ListInspectionsAsync(new ListInspectionsRequest { ProviderId = pdu.ProviderId, ImprovementPlanOverdueOnly = true });
        var recommendation = await _client.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = overdueBefore[0] });

        Assert.Equal("2022-03-29", published.ImprovementPlanDue);
        Assert.True(published.ImprovementPlanOverdue);
        Assert.Equal(2, overdueBefore.Count);
        Assert.Equal([published.InspectionId], inspectionsOverdueBefore.Inspections.Select(i => i.InspectionId));
        Assert.Equal(1, inspectionsOverdueBefore.Total);
        Assert.Equal(("2022-03-25", "lead@inspection.test", false, published.Version + 1),
            (received.ImprovementPlanReceivedOn, received.ImprovementPlanRecordedBy, received.ImprovementPlanOverdue, received.Version));
        Assert.Equal(received.Version, retried.Version);
        Assert.Empty(overdueAfter);
        Assert.Empty(inspectionsOverdueAfter.Inspections);
        Assert.Equal(("2022-03-25", false), (recommendation.ImprovementPlanReceivedOn, recommendation.ImprovementPlanOverdue));
    }

    [Fact]
    public async Task A_receipt_before_publication_in_the_future_or_for_an_unpublished_inspection_is_refused_and_nothing_is_written()
    {
        var pdu = await ProviderAsync("Early PDU", "pdu", "Wales");
        var published = await PublishedWithRecommendationsAsync(pdu, "2022-03-01");
        var planned = await InspectionAsync(pdu, "2024-05-01");
        var today = EnglandCalendar.Today(TimeProvider.System);
        var tomorrow = CalendarDate.ToText(today.AddDays(1));

        var beforePublication = await Assert.ThrowsAsync<RpcException>(() => ReceiveAsync(published, "2022-02-28"));
        var inTheFuture = await Assert.ThrowsAsync<RpcException>(() => ReceiveAsync(published, tomorrow));
        var notADate = await Assert.ThrowsAsync<RpcException>(() => ReceiveAsync(published, "25/03/2022"));
        var unpublished = await Assert.ThrowsAsync<RpcException>(() => ReceiveAsync(planned, "2024-05-02"));
        await ReceiveAsync(published, "2022-03-10");
        var staleVersion = await Assert.ThrowsAsync<RpcException>(() => ReceiveAsync(published, "2022-03-11"));
        var stored = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = published.InspectionId });

        Assert.Equal((StatusCode.InvalidArgument, "received_on"), (beforePublication.StatusCode, Assert.Single(beforePublication.FieldViolations).Field));
        Assert.Contains("before the publication on 2022-03-01", beforePublication.FieldViolations[0].Description);
        Assert.Equal((StatusCode.InvalidArgument, "received_on"), (inTheFuture.StatusCode, Assert.Single(inTheFuture.FieldViolations).Field));
        Assert.StartsWith("The date the improvement plan was received cannot be after today (", inTheFuture.FieldViolations[0].Description);
        Assert.Equal((StatusCode.InvalidArgument, "received_on"), (notADate.StatusCode, Assert.Single(notADate.FieldViolations).Field));
        Assert.Equal(StatusCode.FailedPrecondition, unpublished.StatusCode);
        Assert.Contains("not published", unpublished.Status.Detail);
        // The refusals wrote nothing; of the two writes from the same version the second was refused, so the stored date is the first's.
        Assert.Equal(StatusCode.Aborted, staleVersion.StatusCode);
        Assert.Equal("2022-03-10", stored.ImprovementPlanReceivedOn);
        Assert.Equal(published.Version + 1, stored.Version);
    }

    [Fact]
    public async Task The_database_refuses_a_receipt_before_publication_even_without_the_service()
    {
        var pdu = await ProviderAsync("Constraint PDU", "pdu", "Wales");
        var published = await PublishedWithRecommendationsAsync(pdu, "2022-03-01");
        await using var connection = new NpgsqlConnection(service.Host.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Default"]);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("update inspections set improvement_plan_received_on = '2022-01-01' where inspection_id = @id", connection);
        update.Parameters.AddWithValue("id", Guid.Parse(published.InspectionId));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());

        Assert.Equal("inspections_plan_received_after_publication", refused.ConstraintName);
    }

    [Fact]
    public async Task Recommendations_go_only_to_the_providers_own_region_or_division_and_to_national_bodies_that_existed_at_the_inspection()
    {
        var pdu = await ProviderAsync("Addressee PDU", "pdu", "North West");
        var ownRegion = await ProviderAsync("North West region", "region", "North West");
        var ownDivision = await ProviderAsync("NPS North West division", "nps_division", "North West", activeTo: "2021-06-25");
        var otherRegion = await ProviderAsync("Wales region", "region", "Wales");
        var noms = await ProviderAsync("National Offender Management Service", "national_body", "", "2004-06-01", "2017-03-31");
        var hmpps = await ProviderAsync("HM Prison and Probation Service", "national_body", "", "2017-04-01");
        var inspection = await InspectionAsync(pdu, "2022-01-10");

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            AddAsync(inspection, ("region", otherRegion), ("region", ownDivision), ("hmpps", noms)));
        var unchanged = await _client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspection.InspectionId });
        var added = await AddAsync(inspection, ("provider", pdu), ("region", ownRegion), ("hmpps", hmpps));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(Enumerable.Range(0, 3).Select(i => $"recommendations[{i}].addressee_provider_id"), refused.FieldViolations.Select(v => v.Field));
        Assert.Contains("is in region Wales, the inspected provider in North West", refused.FieldViolations[0].Description);
        Assert.Contains("no longer existed on 2022-01-10", refused.FieldViolations[1].Description);
        Assert.Contains("ended on 2017-03-31", refused.FieldViolations[2].Description);
        Assert.Equal((0, inspection.Version), (unchanged.RecommendationCount, unchanged.Version));
        Assert.Equal([1, 2, 3], added.Recommendations.Select(r => r.Number));
        Assert.Equal([pdu.ProviderId, ownRegion.ProviderId, hmpps.ProviderId], added.Recommendations.Select(r => r.AddresseeProviderId));
    }

    [Fact]
    public async Task A_national_body_formed_after_the_inspection_cannot_be_addressed()
    {
        var area = await ProviderAsync("Old Probation Area", "probation_area", "West Midlands");
        var hmpps = await ProviderAsync("HM Prison and Probation Service", "national_body", "", "2017-04-01");
        var inspection = await _client.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = area.ProviderId, FrameworkId = "omi-2008", FieldworkStart = "2008-05-12", CreatedBy = "tests",
        });

        var refused = await Assert.ThrowsAsync<RpcException>(() => AddAsync(inspection, ("provider", area), ("hmpps", hmpps)));

        Assert.Equal("recommendations[1].addressee_provider_id", Assert.Single(refused.FieldViolations).Field);
        Assert.Contains("did not exist yet on 2008-05-12", refused.FieldViolations[0].Description);
    }

    [Fact]
    public async Task The_tracker_pages_by_region_newest_first_with_a_total()
    {
        var pdu = await ProviderAsync("Paging PDU", "pdu", $"Region {_tag}");
        var older = await PublishedWithRecommendationsAsync(pdu, "2022-03-01");
        var newer = await PublishedWithRecommendationsAsync(pdu, "2022-09-01");

        var first = await _client.ListRecommendationsAsync(new ListRecommendationsRequest { Region = $"region {_tag}", NewestFirst = true, PageSize = 3 });
        var second = await _client.ListRecommendationsAsync(new ListRecommendationsRequest { Region = $"Region {_tag}", NewestFirst = true, PageSize = 3, PageToken = first.NextPageToken });
        var elsewhere = await _client.ListRecommendationsAsync(new ListRecommendationsRequest { Region = "Nowhere at all" });
        var tooLong = await Assert.ThrowsAsync<RpcException>(() => _client.ListRecommendationsAsync(new ListRecommendationsRequest { Region = new string('x', 201) }).ResponseAsync);

        Assert.Equal((4, 4), (first.Total, second.Total));
        Assert.Equal([newer.InspectionId, newer.InspectionId, older.InspectionId], first.Recommendations.Select(r => r.InspectionId));
        Assert.Equal([older.InspectionId], second.Recommendations.Select(r => r.InspectionId));
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(0, elsewhere.Total);
        Assert.Empty(elsewhere.Recommendations);
        Assert.Equal("region", Assert.Single(tooLong.FieldViolations).Field);
    }
}
