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
    public async Task Reflection_serves_the_contracts_with_their_comments()
    {
        // What grpcurl describe and Postman read: the file holding a message, with its source info.
        var client = new ServerReflection.ServerReflectionClient(tracking.Bare);
        using var call = client.ServerReflectionInfo(With(TestKeys.BearerForIntegrator("postman", "register.read")));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "inspection.recommendations.v1.Provider" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        var file = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(b => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(b))
            .Single(f => f.Name == "recommendations/v1/recommendations.proto");

        // Provider.type's comment lists the allowed words; active_from's says what it may not be.
        var provider = file.MessageType.ToList().FindIndex(m => m.Name == "Provider");
        string Comment(string field)
        {
            var index = file.MessageType[provider].Field.ToList().FindIndex(f => f.Name == field);
            // path: message_type (4), the message, field (2), the field
            return file.SourceCodeInfo.Location.Single(l => l.Path.SequenceEqual([4, provider, 2, index])).LeadingComments.Trim();
        }
        Assert.Equal("pdu | region | nps_division | crc | probation_area | national_body", Comment("type"));
        Assert.Equal("Not after today in England (INVALID_ARGUMENT naming active_from).", Comment("active_from"));

        // The RPC's comment too (what WatchChanges promises), over v1alpha, which older grpcurl builds still use.
        var alpha = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(tracking.Bare);
        using var older = alpha.ServerReflectionInfo(With(TestKeys.BearerFor(StaffRole.Viewer)));
        await older.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { FileContainingSymbol = "inspection.recommendations.v1.RecommendationTracking.WatchChanges" });
        await older.RequestStream.CompleteAsync();
        Assert.True(await older.ResponseStream.MoveNext());
        var same = older.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(b => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(b))
            .Single(f => f.Name == "recommendations/v1/recommendations.proto");
        var watch = same.Service[0].Method.ToList().FindIndex(m => m.Name == "WatchChanges");
        // path: service (6), the service, method (2), the method
        Assert.Contains("To resume after a reconnect or a restart, watch again with after_sequence",
            same.SourceCodeInfo.Location.Single(l => l.Path.SequenceEqual([6, 0, 2, watch])).LeadingComments);
    }

    [Fact]
    public async Task Reflection_without_credentials_is_unauthenticated()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => ListServicesAsync(null));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }
}
