using Grpc.Core;
using Inspection.Contracts;
using Inspection.Recommendations.Tests.Tracking;
using Inspection.Recommendations.V1;
using Xunit;

namespace Inspection.Recommendations.Tests.Plans;

/// <summary>
/// Staff keep a recommendation's plan over gRPC (the real host): the response beside the judgement, actions whose
/// target dates change only by a revision with its reason (every earlier date kept), the off-track rule, dated updates
/// and the reported status, each change at the plan's next version.
/// </summary>
public sealed class PlansOverGrpcTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private const string By = PlanSetting.By;
    private readonly RecommendationPlans.RecommendationPlansClient _plans = service.Host.CreateClient<RecommendationPlans.RecommendationPlansClient>();
    private readonly PlanSetting _setting = new(service.Client);

    [Fact]
    public async Task A_plan_keeps_the_response_the_actions_every_target_date_the_updates_and_the_reported_status()
    {
        var made = await _setting.PublishedAsync(priority: true);
        var recommendation = made.Recommendations[0];
        var id = recommendation.RecommendationId;
        Assert.Equal([true, false], made.Recommendations.Select(r => r.Priority));

        var plan = await _plans.RecordResponseAsync(new RecordResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, ExpectedVersion = 1, Response = "partly agreed", Reason = "funding is not ours to give",
            RespondedOn = "2024-09-20", RecordedBy = By,
        });
        Assert.Equal(("Partly agreed", "staff", 2L, true), (plan.Response.Response, plan.Response.Source, plan.Version, plan.Priority));

        plan = await _plans.AddPlanActionAsync(new AddPlanActionRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, Description = "Audit supervision records monthly", OwnerRole = "Head of PDU",
            OwnerName = "Sam Carter", TargetDate = "2025-01-31", RecordedBy = By,
        });
        var action = Assert.Single(plan.Actions);
        Assert.Equal((1, "Not started", "2025-01-31"), (action.Number, action.Status, action.TargetDate));

        plan = await _plans.ReviseTargetDateAsync(new ReviseTargetDateRequest
        {
            RequestId = Guid.NewGuid().ToString(), ActionId = action.ActionId, ExpectedVersion = plan.Version, TargetDate = "2099-03-31",
            Reason = "the new case system arrives later", RecordedBy = By,
        });
        action = Assert.Single(plan.Actions);
        Assert.Equal("2099-03-31", action.TargetDate);
        Assert.Equal([("2025-01-31", ""), ("2099-03-31", "the new case system arrives later")], action.TargetDates.Select(d => (d.TargetDate, d.Reason)));
        Assert.False(action.OffTrack);

        plan = await _plans.RecordPlanUpdateAsync(new RecordPlanUpdateRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, Kind = "monitoring note", OccurredOn = "2025-02-10", Author = "Alex Jones, inspector",
            Text = "Met the head of PDU; audits have started.", RecordedBy = By,
        });
        plan = await _plans.RecordReportedStatusAsync(new RecordReportedStatusRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, ExpectedVersion = plan.Version, Status = "delayed", ReportedOn = "2025-02-11", RecordedBy = By,
        });
        Assert.Equal(("monitoring_note", "Delayed"), (Assert.Single(plan.Updates).Kind, Assert.Single(plan.ReportedStatuses).Status));
        Assert.Equal(6, plan.Version);

        // The progress record is untouched: the response is not a judgement and the recommendation's version is its own.
        var tracked = await service.Client.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = id });
        Assert.Equal(recommendation.Version, tracked.Version);
        Assert.Null(tracked.LatestJudgement);
    }

    [Fact]
    public async Task An_action_is_off_track_when_its_date_passed_or_it_was_revised_more_often_than_the_rule_allows()
    {
        var id = (await _setting.PublishedAsync()).Recommendations[0].RecommendationId;
        var plan = await _plans.AddPlanActionAsync(new AddPlanActionRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, Description = "Train managers", OwnerRole = "Learning lead", TargetDate = "2025-01-31", RecordedBy = By,
        });
        Assert.Equal(["target_date_passed"], plan.Actions[0].OffTrackBecause);
        Assert.Equal(1, plan.RevisionsAllowed);

        foreach (var date in new[] { "2098-01-31", "2099-01-31" })
            plan = await _plans.ReviseTargetDateAsync(new ReviseTargetDateRequest
            {
                RequestId = Guid.NewGuid().ToString(), ActionId = plan.Actions[0].ActionId, ExpectedVersion = plan.Version, TargetDate = date, Reason = "staff left", RecordedBy = By,
            });
        Assert.Equal(["revised_too_often"], plan.Actions[0].OffTrackBecause);

        plan = await _plans.UpdatePlanActionAsync(new UpdatePlanActionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ActionId = plan.Actions[0].ActionId, ExpectedVersion = plan.Version, Description = "Train managers",
            OwnerRole = "Learning lead", Status = "complete", RecordedBy = By,
        });
        Assert.False(plan.Actions[0].OffTrack);
        Assert.Equal(3, plan.Actions[0].TargetDates.Count);
    }

    [Fact]
    public async Task Bad_plan_requests_are_refused_naming_the_field_the_state_or_the_stale_version()
    {
        var id = (await _setting.PublishedAsync()).Recommendations[0].RecommendationId;

        var future = await Assert.ThrowsAsync<RpcException>(() => _plans.RecordResponseAsync(new RecordResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, ExpectedVersion = 1, Response = "Not agreed", RespondedOn = "2099-01-01", RecordedBy = By,
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, future.StatusCode);
        Assert.Contains("reason", future.FieldViolations.Select(v => v.Field));

        var inFuture = await Assert.ThrowsAsync<RpcException>(() => _plans.RecordPlanUpdateAsync(new RecordPlanUpdateRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, Kind = "provider_update", OccurredOn = "2099-01-01", Author = "PDU", Text = "done", RecordedBy = By,
        }).ResponseAsync);
        Assert.Equal(["occurred_on"], inFuture.FieldViolations.Select(v => v.Field));

        var withdrawn = await _plans.AddPlanActionAsync(new AddPlanActionRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, Description = "Hold a review", OwnerName = "Kim Lee", TargetDate = "2099-01-31", RecordedBy = By,
        });
        var noReason = await Assert.ThrowsAsync<RpcException>(() => _plans.UpdatePlanActionAsync(new UpdatePlanActionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ActionId = withdrawn.Actions[0].ActionId, ExpectedVersion = withdrawn.Version, Description = "Hold a review",
            OwnerName = "Kim Lee", Status = "withdrawn", RecordedBy = By,
        }).ResponseAsync);
        Assert.Equal(["status_reason"], noReason.FieldViolations.Select(v => v.Field));

        var sameDate = await Assert.ThrowsAsync<RpcException>(() => _plans.ReviseTargetDateAsync(new ReviseTargetDateRequest
        {
            RequestId = Guid.NewGuid().ToString(), ActionId = withdrawn.Actions[0].ActionId, ExpectedVersion = withdrawn.Version, TargetDate = "2099-01-31", Reason = "none",
            RecordedBy = By,
        }).ResponseAsync);
        Assert.Equal(["target_date"], sameDate.FieldViolations.Select(v => v.Field));

        var stale = await Assert.ThrowsAsync<RpcException>(() => _plans.RecordReportedStatusAsync(new RecordReportedStatusRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = id, ExpectedVersion = 1, Status = "On track", ReportedOn = "2025-01-01", RecordedBy = By,
        }).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);

        var planned = (await _setting.PublishedAsync(publish: false)).Recommendations[0].RecommendationId;
        var early = await Assert.ThrowsAsync<RpcException>(() => _plans.RecordResponseAsync(new RecordResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = planned, ExpectedVersion = 1, Response = "Agreed", RespondedOn = "2024-06-01", RecordedBy = By,
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
    }

    [Fact]
    public async Task A_plan_file_is_all_or_nothing_and_the_same_file_twice_changes_nothing()
    {
        var made = await _setting.PublishedAsync();
        var rows = new[]
        {
            new PlanRow { RecommendationNumber = 1, Response = "Agreed", RespondedOn = "2024-09-25", Action = "Audit records", OwnerRole = "Head of PDU", TargetDate = "2099-01-31" },
            new PlanRow { RecommendationNumber = 1, Action = "Brief staff", OwnerName = "Sam Carter", TargetDate = "2099-02-28", Status = "in progress" },
            new PlanRow { RecommendationNumber = 2, Response = "Not agreed", ResponseReason = "national policy", RespondedOn = "2024-09-25" },
        };
        ImportPlanRequest Import(params PlanRow[] file) => new()
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = made.Inspection.InspectionId, RecordedBy = By, Rows = { file },
        };

        var bad = await Assert.ThrowsAsync<RpcException>(() => _plans.ImportPlanAsync(Import([.. rows, new PlanRow { RecommendationNumber = 9, Response = "maybe" }])).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["rows[3].response", "rows[3].recommendation_number"], bad.FieldViolations.Select(v => v.Field));
        Assert.All((await _plans.ListInspectionPlansAsync(new ListInspectionPlansRequest { InspectionId = made.Inspection.InspectionId })).Plans,
            p => Assert.Empty(p.Actions));

        var first = await _plans.ImportPlanAsync(Import(rows));
        Assert.Equal((2, 2, 0, 0), (first.ResponsesRecorded, first.ActionsAdded, first.ActionsChanged, first.DatesRevised));
        var again = await _plans.ImportPlanAsync(Import(rows));
        Assert.Equal((0, 0, 0, 0), (again.ResponsesRecorded, again.ActionsAdded, again.ActionsChanged, again.DatesRevised));
        Assert.Equal(first.Plans, again.Plans);

        var moved = new PlanRow(rows[0]) { ActionNumber = 1, TargetDate = "2099-06-30" };
        var noReason = await Assert.ThrowsAsync<RpcException>(() => _plans.ImportPlanAsync(Import(moved)).ResponseAsync);
        Assert.Equal(["rows[0].date_change_reason"], noReason.FieldViolations.Select(v => v.Field));
        var revised = await _plans.ImportPlanAsync(Import(new PlanRow(moved) { DateChangeReason = "audit tool delayed" }));
        Assert.Equal(1, revised.DatesRevised);
        Assert.Equal(["2099-01-31", "2099-06-30"], revised.Plans[0].Actions[0].TargetDates.Select(d => d.TargetDate));
    }
}
