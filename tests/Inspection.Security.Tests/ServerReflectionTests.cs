using Grpc.Core;
using Grpc.Reflection.V1;
using Inspection.Security;
using Inspection.Testing;
using static Inspection.Security.Tests.TrackingHost;

namespace Inspection.Security.Tests;

/// <summary>Server reflection (grpcurl, Postman) lists the host's services to any authenticated caller, and to nobody else.</summary>
public sealed class ServerReflectionTests(TrackingHost tracking) : IClassFixture<TrackingHost>
{
    private async Task<IReadOnlyList<string>> ListServicesAsync(string? authorization)
    {
        var client = new ServerReflection.ServerReflectionClient(tracking.Bare);
        using var call = client.ServerReflectionInfo(With(authorization));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        var names = new List<string>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
            names.AddRange(reply.ListServicesResponse.Service.Select(s => s.Name));
        return names;
    }

    [Fact]
    public async Task An_integrator_with_any_scope_can_list_the_services_and_describe_them()
    {
        var services = await ListServicesAsync(TestKeys.BearerForIntegrator("postman", "samples.read"));

        Assert.Contains("inspection.recommendations.v1.RecommendationTracking", services);
        Assert.Contains("grpc.health.v1.Health", services);

        var client = new ServerReflection.ServerReflectionClient(tracking.Bare);
        using var call = client.ServerReflectionInfo(With(TestKeys.BearerFor(StaffRole.Viewer)));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "inspection.recommendations.v1.RecommendationTracking" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.NotEmpty(call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto);
    }

    [Fact]
    public async Task Reflection_without_credentials_is_unauthenticated()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => ListServicesAsync(null));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }
}
