using Grpc.Health.V1;
using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Security;
using Inspection.Testing;
using static Inspection.Security.Tests.TrackingHost;

namespace Inspection.Security.Tests;

/// <summary>Every call over the wire: UNAUTHENTICATED without a valid token, PERMISSION_DENIED beyond the caller's rights.</summary>
public sealed class CallAuthorisationTests(TrackingHost tracking) : IClassFixture<TrackingHost>
{
    private RecommendationTracking.RecommendationTrackingClient Client => new(tracking.Bare);

    private static CreateProviderRequest NewProvider(string name) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Name = name, Type = "pdu", Region = "Wales", CreatedBy = "someone",
    };

    private static async Task<StatusCode> CodeOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    [Fact]
    public async Task A_call_without_credentials_is_unauthenticated_and_says_what_to_send()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.ListProvidersAsync(new ListProvidersRequest(), With(null)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("authorization: Bearer", e.Status.Detail);
    }

    [Fact]
    public async Task Bad_credentials_are_unauthenticated()
    {
        foreach (var header in new[] { "Bearer", "Bearer not-a-token", "Basic dXNlcjpwYXNz", TestKeys.BearerFor() + "x" })
            Assert.Equal(StatusCode.Unauthenticated, await CodeOf(() => Client.ListProvidersAsync(new ListProvidersRequest(), With(header)).ResponseAsync));
    }

    [Fact]
    public async Task The_health_check_needs_no_credentials()
    {
        var reply = await new Health.HealthClient(tracking.Bare).CheckAsync(new HealthCheckRequest(), With(null));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Staff_may_do_what_their_role_allows_and_no_more()
    {
        var viewer = TestKeys.BearerFor(StaffRole.Viewer, "viewer@inspection.local");
        var lead = TestKeys.BearerFor(StaffRole.LeadInspector, "lead@inspection.local");

        Assert.Equal(StatusCode.OK, await CodeOf(() => Client.ListProvidersAsync(new ListProvidersRequest(), With(viewer)).ResponseAsync));
        var denied = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProviderAsync(NewProvider("Viewer's provider"), With(viewer)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("user:viewer@inspection.local (Viewer) may not call inspection.recommendations.v1.RecommendationTracking/CreateProvider", denied.Status.Detail);
        Assert.Equal(StatusCode.OK, await CodeOf(() => Client.CreateProviderAsync(NewProvider("Lead's provider"), With(lead)).ResponseAsync));
    }

    [Fact]
    public async Task A_service_may_make_only_the_reads_the_policy_gives_it()
    {
        var sampling = TestKeys.BearerForService("case-sampling");
        var created = await Client.CreateProviderAsync(NewProvider("Provider for the service test"), With(TestKeys.BearerFor(StaffRole.LeadInspector)));
        var inspection = await Client.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = created.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2022-05-09", FieldworkEnd = "2022-05-20", CreatedBy = "lead@inspection.local",
        }, With(TestKeys.BearerFor(StaffRole.LeadInspector)));

        Assert.Equal(StatusCode.OK, await CodeOf(() => Client.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspection.InspectionId }, With(sampling)).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await CodeOf(() => Client.ListRecommendationsAsync(new ListRecommendationsRequest(), With(sampling)).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await CodeOf(() => Client.CreateProviderAsync(NewProvider("Service's provider"), With(sampling)).ResponseAsync));
    }

    [Fact]
    public async Task An_integrator_may_use_only_its_scopes()
    {
        var reader = TestKeys.BearerForIntegrator("register-mirror", "register.read");

        Assert.Equal(StatusCode.OK, await CodeOf(() => Client.ListProvidersAsync(new ListProvidersRequest(), With(reader)).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await CodeOf(() => Client.ListRecommendationsAsync(new ListRecommendationsRequest(), With(reader)).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await CodeOf(() => Client.CreateProviderAsync(NewProvider("Integrator's provider"), With(reader)).ResponseAsync));
    }

    [Fact]
    public async Task A_refusal_says_why_in_an_error_info_a_program_can_branch_on()
    {
        var reader = TestKeys.BearerForIntegrator("register-mirror", "register.read");
        var denied = await Assert.ThrowsAsync<RpcException>(() => Client.ListRecommendationsAsync(new ListRecommendationsRequest(), With(reader)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(("NOT_PERMITTED", "inspection", "it needs the scope recommendations.read"),
            (denied.Explanation?.Reason, denied.Explanation?.Domain, denied.Explanation?.Metadata["needs"]));

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => Client.ListProvidersAsync(new ListProvidersRequest()).ResponseAsync);
        Assert.Equal((StatusCode.Unauthenticated, "TOKEN_MISSING"), (anonymous.StatusCode, anonymous.Explanation?.Reason));

        var forged = await Assert.ThrowsAsync<RpcException>(() => Client.ListProvidersAsync(new ListProvidersRequest(), With("Bearer not-a-token")).ResponseAsync);
        Assert.Equal((StatusCode.Unauthenticated, "TOKEN_INVALID"), (forged.StatusCode, forged.Explanation?.Reason));
    }

    [Fact]
    public async Task A_refused_write_changes_nothing()
    {
        var name = "Refused " + Guid.NewGuid().ToString("N")[..8];
        await Assert.ThrowsAsync<RpcException>(() => Client.CreateProviderAsync(NewProvider(name), With(TestKeys.BearerFor(StaffRole.Inspector))).ResponseAsync);

        var found = await Client.ListProvidersAsync(new ListProvidersRequest { NameContains = name }, With(TestKeys.BearerFor(StaffRole.Viewer)));
        Assert.Empty(found.Providers);
    }
}
