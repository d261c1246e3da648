using Grpc.Core;
using Grpc.Net.Client;
using Inspection.Recommendations.Tests.Plans;
using Inspection.Recommendations.Tests.Tracking;
using Inspection.Recommendations.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Reminders;

/// <summary>
/// ListReminders over gRPC (the real host): a provider's improvement plan and plan actions as of a day, at the edges
/// (due today, 30 days out, completed), the filters, and refusals naming the field. The inspection is published on
/// 1 September 2024, so its plan is due on 29 September 2024.
/// </summary>
public sealed class RemindersOverGrpcTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private const string By = PlanSetting.By;
    private const string AsOf = "2024-09-20";
    private readonly RecommendationPlans.RecommendationPlansClient _plans = service.Host.CreateClient<RecommendationPlans.RecommendationPlansClient>();
    private readonly PlanSetting _setting = new(service.Client);

    [Fact]
    public async Task A_providers_reminders_are_what_is_overdue_then_what_falls_due_in_the_next_30_days()
    {
        var made = await _setting.PublishedAsync(priority: true);
        var (first, second) = (made.Recommendations[0].RecommendationId, made.Recommendations[1].RecommendationId);
        await ActionAsync(first, "overdue by ten days", "2024-09-10");
        await ActionAsync(first, "due today", AsOf);
        await ActionAsync(second, "due in thirty days", "2024-10-20");
        await ActionAsync(second, "due in thirty-one days", "2024-10-21");
        await ActionAsync(second, "complete long ago", "2024-09-02", "Complete");

        var reply = await _plans.ListRemindersAsync(new ListRemindersRequest { ProviderId = made.Inspection.ProviderId, AsOf = AsOf });

        Assert.Equal((AsOf, "2024-10-20", 1, 3), (reply.AsOf, reply.DueBy, reply.Overdue, reply.FallsDue));
        Assert.Equal(
            [("plan_action", "overdue by ten days", true, 10), ("plan_action", "due today", false, 0), ("improvement_plan", "", false, 9), ("plan_action", "due in thirty days", false, 30)],
            reply.Reminders.Select(r => (r.Kind, r.Action?.Description ?? "", r.Overdue, r.Days)));
        var plan = reply.Reminders.Single(r => r.Kind == "improvement_plan");
        Assert.Equal((made.Inspection.InspectionId, "2024-09-29", 2, true), (plan.InspectionId, plan.DueOn, plan.RecommendationCount, plan.Priority));
        var overdue = reply.Reminders[0];
        Assert.Equal((first, 1, true, true), (overdue.RecommendationId, overdue.RecommendationNumber, overdue.Priority, overdue.Action.OffTrack));

        // A day later, looking 8 days ahead: what was due today is overdue (the most recently due first) and the plan is the last day looked at.
        var later = await _plans.ListRemindersAsync(new ListRemindersRequest { ProviderId = made.Inspection.ProviderId, AsOf = "2024-09-21", WithinDays = 8 });
        Assert.Equal([("due today", true, 1), ("overdue by ten days", true, 11), ("", false, 8)],
            later.Reminders.Select(r => (r.Action?.Description ?? "", r.Overdue, r.Days)));
    }

    [Fact]
    public async Task Filters_by_response_off_track_and_priority()
    {
        var made = await _setting.PublishedAsync(priority: true);
        var (first, second) = (made.Recommendations[0].RecommendationId, made.Recommendations[1].RecommendationId);
        await ActionAsync(first, "overdue", "2024-09-10");
        await ActionAsync(second, "coming", "2024-10-01");
        await _plans.RecordResponseAsync(new RecordResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = second, ExpectedVersion = (await _plans.GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = second })).Version,
            Response = "Partly agreed", Reason = "the budget is the region's", RespondedOn = "2024-09-15", RecordedBy = By,
        });
        async Task<IReadOnlyList<string>> Listed(ListRemindersRequest request)
        {
            request.ProviderId = made.Inspection.ProviderId;
            request.AsOf = AsOf;
            return (await _plans.ListRemindersAsync(request)).Reminders.Select(r => r.Action?.Description ?? r.Kind).ToList();
        }

        Assert.Equal(["coming", "improvement_plan"], (await Listed(new ListRemindersRequest { Response = "partly agreed" })).Order());
        Assert.Equal(["improvement_plan", "overdue"], (await Listed(new ListRemindersRequest { Response = "none" })).Order());
        Assert.Empty(await Listed(new ListRemindersRequest { Response = "Not agreed" }));
        Assert.Equal(["overdue"], await Listed(new ListRemindersRequest { OffTrackOnly = true }));
        Assert.Equal(["improvement_plan", "overdue"], (await Listed(new ListRemindersRequest { PriorityOnly = true })).Order());
    }

    [Fact]
    public async Task Reminders_page_and_count_over_every_page()
    {
        var made = await _setting.PublishedAsync();
        for (var i = 1; i <= 3; i++) await ActionAsync(made.Recommendations[0].RecommendationId, $"action {i}", $"2024-09-1{i}");
        var first = await _plans.ListRemindersAsync(new ListRemindersRequest { ProviderId = made.Inspection.ProviderId, AsOf = AsOf, PageSize = 2 });
        var rest = await _plans.ListRemindersAsync(new ListRemindersRequest { ProviderId = made.Inspection.ProviderId, AsOf = AsOf, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal((2, 2, 3, 1), (first.Reminders.Count, rest.Reminders.Count, first.Overdue, first.FallsDue));
        Assert.Equal("", rest.NextPageToken);
    }

    [Theory]
    [InlineData("provider_id")]
    [InlineData("response")]
    [InlineData("within_days")]
    [InlineData("as_of")]
    [InlineData("page_token")]
    public async Task A_request_that_cannot_be_is_refused_naming_the_field(string field)
    {
        var request = new ListRemindersRequest();
        switch (field)
        {
            case "provider_id": request.ProviderId = "not-an-id"; break;
            case "response": request.Response = "maybe"; break;
            case "within_days": request.WithinDays = 400; break;
            case "as_of": request.AsOf = "20 September 2024"; break;
            case "page_token": request.PageToken = "next"; break;
        }
        var refused = await Assert.ThrowsAsync<RpcException>(() => _plans.ListRemindersAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal([field], refused.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task An_unknown_provider_is_not_found_and_integrators_read_with_the_recommendations_scope_only()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _plans.ListRemindersAsync(new ListRemindersRequest { ProviderId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        // A channel without the staff token the host's clients carry: the integrator's own token only.
        using var bare = GrpcChannel.ForAddress(service.Host.GrpcAddress);
        var asIntegrator = new RecommendationPlans.RecommendationPlansClient(bare);
        var reader = new Metadata { { "authorization", TestKeys.BearerForIntegrator("int-reminders", "recommendations.read") } };
        Assert.NotNull(await asIntegrator.ListRemindersAsync(new ListRemindersRequest(), reader));
        var writer = new Metadata { { "authorization", TestKeys.BearerForIntegrator("int-plans-only", "plans.write") } };
        var denied = await Assert.ThrowsAsync<RpcException>(() => asIntegrator.ListRemindersAsync(new ListRemindersRequest(), writer).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task The_cause_for_concern_filter_keeps_only_providers_with_an_open_one()
    {
        var concerned = await _setting.PublishedAsync(priority: true);
        var other = await _setting.PublishedAsync(priority: true);
        // A priority recommendation Not agreed (after the rule came into force) raises a cause for concern on its addressee.
        await _plans.RecordResponseAsync(new RecordResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = concerned.Recommendations[0].RecommendationId, ExpectedVersion = 1,
            Response = "Not agreed", Reason = "Risk plans are set nationally", RespondedOn = "2025-05-01", RecordedBy = By,
        });
        await ActionAsync(concerned.Recommendations[1].RecommendationId, "concerned provider's action", "2024-09-10");
        await ActionAsync(other.Recommendations[0].RecommendationId, "other provider's action", "2024-09-10");
        var open = await service.Host.CreateClient<CausesForConcern.CausesForConcernClient>().ListCausesForConcernAsync(
            new ListCausesForConcernRequest { ProviderId = concerned.Inspection.ProviderId });
        Assert.Contains(open.Concerns, c => c.RuleId == "priority-recommendation-not-taken-up");

        var reply = await _plans.ListRemindersAsync(new ListRemindersRequest { AsOf = AsOf, CauseForConcernOnly = true, PageSize = 1000 });
        var providers = reply.Reminders.Select(r => r.ProviderId).ToHashSet();
        Assert.Contains(concerned.Inspection.ProviderId, providers);
        Assert.DoesNotContain(other.Inspection.ProviderId, providers);
        var all = await _plans.ListRemindersAsync(new ListRemindersRequest { AsOf = AsOf, PageSize = 1000 });
        Assert.Contains(all.Reminders, r => r.ProviderId == other.Inspection.ProviderId);
    }

    private async Task ActionAsync(string recommendationId, string description, string targetDate, string status = "In progress") =>
        await _plans.AddPlanActionAsync(new AddPlanActionRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = recommendationId, Description = description, OwnerRole = "Head of PDU", TargetDate = targetDate,
            Status = status, RecordedBy = By,
        });
}
