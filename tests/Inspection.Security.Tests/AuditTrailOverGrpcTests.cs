using Inspection.Audit.V1;
using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Security;
using Inspection.Testing;
using static Inspection.Security.Tests.TrackingHost;

namespace Inspection.Security.Tests;

/// <summary>Each write over gRPC is in the service's audit trail under the caller who made it; only administrators read it.</summary>
public sealed class AuditTrailOverGrpcTests(TrackingHost tracking) : IClassFixture<TrackingHost>
{
    private AuditTrail.AuditTrailClient Audit => new(tracking.Bare);
    private RecommendationTracking.RecommendationTrackingClient Tracking => new(tracking.Bare);

    [Fact]
    public async Task A_write_is_recorded_with_the_person_the_rpc_the_trace_and_the_row_after()
    {
        var lead = TestKeys.BearerFor(StaffRole.LeadInspector, "audited.lead@inspection.local");
        var name = "Audited PDU <b>" + Guid.NewGuid().ToString("N")[..6] + "</b>'; drop table providers;--";
        var created = await Tracking.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = name, Type = "pdu", Region = "Wales", CreatedBy = "audited.lead@inspection.local",
        }, With(lead));

        var page = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { Actor = "user:audited.lead@inspection.local", TableName = "providers" }, With(TestKeys.BearerFor()));

        var insert = Assert.Single(page.Events, e => e.AfterJson.Contains(created.ProviderId));
        Assert.Equal("recommendation-tracking", page.AppId);
        Assert.Equal("insert", insert.Operation);
        Assert.Equal("inspection.recommendations.v1.RecommendationTracking/CreateProvider", insert.Rpc);
        Assert.Matches("^[0-9a-f]{32}$", insert.TraceId);
        Assert.Equal("", insert.BeforeJson);
        // Stored verbatim: the markup and SQL in the name come back exactly as sent.
        Assert.Equal(name, System.Text.Json.JsonDocument.Parse(insert.AfterJson).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_refused_write_leaves_no_audit_event()
    {
        var name = "Never created " + Guid.NewGuid().ToString("N")[..8];
        await Assert.ThrowsAsync<RpcException>(() => Tracking.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = name, Type = "not-a-type", CreatedBy = "x",
        }, With(TestKeys.BearerFor(StaffRole.LeadInspector))).ResponseAsync);

        var page = await Audit.ListAuditEventsAsync(new ListAuditEventsRequest { TableName = "providers", PageSize = 500 }, With(TestKeys.BearerFor()));
        Assert.DoesNotContain(page.Events, e => e.AfterJson.Contains(name));
    }

    [Fact]
    public async Task Only_administrators_read_the_trail()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            Audit.ListAuditEventsAsync(new ListAuditEventsRequest(), With(TestKeys.BearerFor(StaffRole.LeadInspector))).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }

    [Fact]
    public async Task Pages_walk_the_trail_newest_first_without_repeats()
    {
        for (var i = 0; i < 5; i++)
            await Tracking.CreateProviderAsync(new CreateProviderRequest
            {
                RequestId = Guid.NewGuid().ToString(), Name = $"Paged provider {i}", Type = "pdu", Region = "Wales", CreatedBy = "x",
            }, With(TestKeys.BearerFor(StaffRole.LeadInspector, "pager@inspection.local")));

        var seen = new List<long>();
        var request = new ListAuditEventsRequest { Actor = "user:pager@inspection.local", TableName = "providers", PageSize = 2 };
        do
        {
            var page = await Audit.ListAuditEventsAsync(request, With(TestKeys.BearerFor()));
            Assert.Equal(5, page.Total);   // every page counts the whole trail the filters match
            seen.AddRange(page.Events.Select(e => e.EventId));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(5, seen.Count);
        Assert.Equal(seen.OrderDescending(), seen);
    }

    [Fact]
    public async Task A_bad_filter_is_invalid_argument_naming_the_field()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            Audit.ListAuditEventsAsync(new ListAuditEventsRequest { PageSize = 501, TraceId = "xyz" }, With(TestKeys.BearerFor())).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("page_size", e.Status.Detail);
        Assert.Contains("trace_id", e.Status.Detail);
    }

    [Theory]
    [InlineData(long.MaxValue, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 1_000_000_000)]
    public async Task A_timestamp_no_date_can_hold_is_invalid_argument_naming_the_field(long seconds, int nanos)
    {
        // found by tests/Inspection.Fuzz.Tests: Timestamp.ToDateTime threw, and the caller got INTERNAL
        var e = await Assert.ThrowsAsync<RpcException>(() => Audit.ListAuditEventsAsync(new ListAuditEventsRequest
        {
            Since = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = seconds, Nanos = nanos },
        }, With(TestKeys.BearerFor())).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("since", Assert.Single(e.FieldViolations).Field);
    }
}
