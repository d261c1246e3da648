using Grpc.Core;
using Inspection.Contracts;
using Inspection.Recommendations.Tests.Tracking;
using Inspection.Recommendations.V1;
using Xunit;

namespace Inspection.Recommendations.Tests.Concerns;

/// <summary>
/// Causes for concern over gRPC (the real host): a write that meets a rule raises the flag with the rule and the records
/// that met it; evaluating again raises nothing; a flag is closed only with a reason, kept with who and when, and the
/// same records never raise it again.
/// </summary>
public sealed class ConcernsOverGrpcTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    private const string By = ConcernSetting.By;
    private readonly CausesForConcern.CausesForConcernClient _concerns = service.Host.CreateClient<CausesForConcern.CausesForConcernClient>();
    private readonly ConcernSetting _setting = new(service.Client, service.Host.CreateClient<RecommendationPlans.RecommendationPlansClient>());

    [Fact]
    public async Task No_progress_at_two_successive_inspections_on_the_same_standard_raises_one_flag_with_the_records_that_met_it()
    {
        var provider = await _setting.ProviderAsync();
        var (recommendationId, first, second) = await _setting.NoProgressTwiceAsync(provider);

        var concern = Assert.Single(await OpenAsync(provider.ProviderId));
        Assert.Equal(("repeated-no-progress", 1, provider.Name, "2026-06-01", false), (concern.RuleId, concern.RuleVersion, concern.ProviderName, concern.MetOn, concern.Closed));
        Assert.Equal("No progress judged at two successive inspections on the same standard", concern.RuleTitle);
        Assert.Contains("'Planning'", concern.Detail);
        Assert.Equal([first, second], concern.Records.Where(r => r.InspectionId != "").Select(r => r.InspectionId));
        Assert.Equal(recommendationId, Assert.Single(concern.Records, r => r.RecommendationId != "").RecommendationId);
    }

    [Fact]
    public async Task Raising_is_idempotent_the_same_rule_met_by_the_same_records_again_raises_nothing()
    {
        var provider = await _setting.ProviderAsync();
        var (recommendationId, _, second) = await _setting.NoProgressTwiceAsync(provider);
        var raised = Assert.Single(await OpenAsync(provider.ProviderId));

        await _setting.JudgeAsync(recommendationId, second, "No progress");   // a second revision of the same judgement
        var evaluated = await _concerns.EvaluateCausesForConcernAsync(new EvaluateCausesForConcernRequest { RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId });

        Assert.Empty(evaluated.Raised);
        Assert.Equal(raised, Assert.Single(await OpenAsync(provider.ProviderId)));
    }

    [Fact]
    public async Task A_priority_recommendation_not_agreed_flags_its_addressee_when_the_response_is_recorded()
    {
        var (provider, recommendationId) = await _setting.PriorityNotAgreedAsync();

        var concern = Assert.Single(await OpenAsync(provider.ProviderId));

        Assert.Equal(("priority-recommendation-not-taken-up", "2025-06-30"), (concern.RuleId, concern.MetOn));
        Assert.Equal(recommendationId, Assert.Single(concern.Records).RecommendationId);
        Assert.Contains("the funding is not ours to give", concern.Detail);
    }

    [Fact]
    public async Task An_action_of_a_priority_recommendation_revised_a_second_time_flags_it_with_the_action()
    {
        var plans = service.Host.CreateClient<RecommendationPlans.RecommendationPlansClient>();
        var provider = await _setting.ProviderAsync();
        var made = await new Plans.PlanSetting(service.Client).PublishedAsync(provider.ProviderId, count: 1, priority: true);
        var plan = await plans.AddPlanActionAsync(new AddPlanActionRequest
        {
            RequestId = Guid.NewGuid().ToString(), RecommendationId = made.Recommendations[0].RecommendationId, Description = "Audit supervision", OwnerRole = "Head of PDU",
            TargetDate = "2099-01-31", RecordedBy = By,
        });
        async Task ReviseAsync(string date) => plan = await plans.ReviseTargetDateAsync(new ReviseTargetDateRequest
        {
            RequestId = Guid.NewGuid().ToString(), ActionId = plan.Actions[0].ActionId, ExpectedVersion = plan.Version, TargetDate = date, Reason = "staff left", RecordedBy = By,
        });

        await ReviseAsync("2099-06-30");
        Assert.Empty(await OpenAsync(provider.ProviderId));   // once is within the allowance

        await ReviseAsync("2099-12-31");
        var concern = Assert.Single(await OpenAsync(provider.ProviderId));
        Assert.Equal("priority-recommendation-not-taken-up", concern.RuleId);
        Assert.Equal(plan.Actions[0].ActionId, Assert.Single(concern.Records, r => r.ActionId != "").ActionId);
        Assert.Contains("revised twice: first 31 January 2099, now 31 December 2099", concern.Detail);

        await ReviseAsync("2100-06-30");                     // a third revision: the same records, no new flag
        Assert.Single(await OpenAsync(provider.ProviderId));
    }

    [Fact]
    public async Task A_flag_is_closed_only_with_a_reason_kept_with_who_and_when_and_the_same_records_never_raise_it_again()
    {
        var (provider, _) = await _setting.PriorityNotAgreedAsync();
        var concern = Assert.Single(await OpenAsync(provider.ProviderId));

        var refused = await Assert.ThrowsAsync<RpcException>(() => _concerns.CloseCauseForConcernAsync(Close(concern, "  ")).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["reason"], refused.FieldViolations.Select(v => v.Field));
        Assert.False((await _concerns.GetCauseForConcernAsync(new GetCauseForConcernRequest { ConcernId = concern.ConcernId })).Closed);

        var closed = await _concerns.CloseCauseForConcernAsync(Close(concern, "Discussed with the head of PDU; an agreed plan follows"));
        Assert.Equal((true, "lead@inspection.test", "Discussed with the head of PDU; an agreed plan follows"), (closed.Closed, closed.ClosedBy, closed.CloseReason));
        Assert.NotNull(closed.ClosedAt);

        Assert.Empty(await OpenAsync(provider.ProviderId));
        var listed = await _concerns.ListCausesForConcernAsync(new ListCausesForConcernRequest { ProviderId = provider.ProviderId, ClosedOnly = true });
        Assert.Equal(closed, Assert.Single(listed.Concerns));

        var evaluated = await _concerns.EvaluateCausesForConcernAsync(new EvaluateCausesForConcernRequest { RequestId = Guid.NewGuid().ToString(), ProviderId = provider.ProviderId });
        Assert.Empty(evaluated.Raised);
        Assert.Empty(await OpenAsync(provider.ProviderId));

        var again = await Assert.ThrowsAsync<RpcException>(() => _concerns.CloseCauseForConcernAsync(Close(closed, "once more")).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("was closed on", again.Status.Detail);
    }

    [Fact]
    public async Task A_stale_version_is_aborted()
    {
        var (provider, _) = await _setting.PriorityNotAgreedAsync();
        var concern = Assert.Single(await OpenAsync(provider.ProviderId));

        var request = Close(concern, "resolved");
        request.ExpectedVersion = concern.Version + 1;
        var refused = await Assert.ThrowsAsync<RpcException>(() => _concerns.CloseCauseForConcernAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, refused.StatusCode);
    }

    private static CloseCauseForConcernRequest Close(V1.CauseForConcern concern, string reason) => new()
    {
        RequestId = Guid.NewGuid().ToString(), ConcernId = concern.ConcernId, ExpectedVersion = concern.Version, Reason = reason, ClosedBy = "lead@inspection.test",
    };

    private async Task<IReadOnlyList<V1.CauseForConcern>> OpenAsync(string providerId) =>
        (await _concerns.ListCausesForConcernAsync(new ListCausesForConcernRequest { ProviderId = providerId })).Concerns;
}
