using System.Text.Json;
using Grpc.Core;
using Inspection.Grpc.Tests.GrpcJs;
using Inspection.Recommendations.Tests.Tracking;
using Inspection.Recommendations.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Plans;

/// <summary>
/// Issue 23's proof in another gRPC implementation: an addressee's own system written with grpc-js
/// (tests/interop/send-plan.js) sends its response, an action, an update and its reported status with its integrator
/// token, over the real contracts and a real HTTP/2 socket, and is refused another provider's recommendation and an RPC
/// its scope does not name.
/// </summary>
public sealed class GrpcJsAddresseeSystemTests(ServiceHostFixture service) : IClassFixture<ServiceHostFixture>
{
    [Fact]
    public async Task A_grpc_js_addressee_system_sends_its_plan_and_is_refused_everything_else()
    {
        await NodePeer.EnsureInstalledAsync();
        var setting = new PlanSetting(service.Client);
        var own = await setting.PublishedAsync();
        var other = await setting.PublishedAsync();
        var bearer = TestKeys.BearerForAddressee("int-grpc-js-plans", own.Inspection.ProviderId, "plans.write");
        var target = new Uri(service.Host.GrpcAddress).Authority;

        var (exit, stdout, stderr) = await NodePeer.RunScriptAsync("send-plan.js",
            [target, bearer, own.Recommendations[0].RecommendationId, other.Recommendations[0].RecommendationId], TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"send-plan.js exited {exit}: {stderr}");
        using var answer = JsonDocument.Parse(stdout);
        var codes = answer.RootElement.GetProperty("calls").EnumerateArray()
            .Select(c => (c.GetProperty("method").GetString(), (StatusCode)c.GetProperty("code").GetInt32())).ToList();
        Assert.Equal(
        [
            ("RecordResponse", StatusCode.OK), ("AddPlanAction", StatusCode.OK), ("RecordPlanUpdate", StatusCode.OK), ("RecordReportedStatus", StatusCode.OK),
            ("RecordResponse", StatusCode.PermissionDenied), ("GetRecommendationPlan", StatusCode.PermissionDenied), ("GetRecommendation", StatusCode.PermissionDenied),
        ], codes);

        // What it sent is recorded as the addressee's system's; nothing reached the other provider's plan.
        var plans = service.Host.CreateClient<RecommendationPlans.RecommendationPlansClient>();
        var plan = await plans.GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = own.Recommendations[0].RecommendationId });
        Assert.Equal(("Agreed", "addressee_system"), (plan.Response.Response, plan.Response.Source));
        Assert.Equal(("Audit supervision records monthly", "addressee_system"), (plan.Actions.Single().Description, plan.Actions.Single().Source));
        Assert.Equal(("provider_update", "addressee_system"), (plan.Updates.Single().Kind, plan.Updates.Single().Source));
        Assert.Equal(("On track", "addressee_system"), (plan.ReportedStatuses.Single().Status, plan.ReportedStatuses.Single().Source));
        var untouched = await plans.GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = other.Recommendations[0].RecommendationId });
        Assert.Equal((1L, (PlanResponse?)null), (untouched.Version, untouched.Response));
    }
}
