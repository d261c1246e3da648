using System.Diagnostics;
using Inspection.Grpc.Tests.Server;
using Inspection.Grpc.Tests.Support;
using Inspection.ServiceDefaults;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>
/// One way to call another app (ServiceClients.AddServiceClient): a call given no deadline gets the default one, a
/// failed call raises UpstreamException naming the app, and a handler that lets it go is answered per the product's
/// status table by the error interceptor: unreachable or too slow is UNAVAILABLE naming the app, an id the app does
/// not know is FAILED_PRECONDITION naming it, anything else from it INTERNAL. The Relay handler calls the app
/// interop-target through such a client, over real sockets.
/// </summary>
public sealed class UpstreamCallTests(SharedServer server) : IClassFixture<SharedServer>
{
    private static RelayRequest Failing(StatusCode code, string message) =>
        new() { Fail = new FailRequest { Code = (int)code, Message = message } };

    [Fact]
    public async Task An_app_that_is_not_listening_is_UNAVAILABLE_naming_it()
    {
        await using var host = await TestGrpcServer.StartAsync(new Dictionary<string, string?>
        {
            [$"Services:{TestGrpcServer.RelayAppId}:GrpcUrl"] = $"http://127.0.0.1:{TestGrpcServer.FreePort()}",
        });
        using var channel = GrpcChannel.ForAddress(host.Address);

        var e = await Assert.ThrowsAsync<RpcException>(() => new Interop.InteropClient(channel).RelayAsync(new RelayRequest { Text = "anyone?" }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.StartsWith("interop-target did not answer: ", e.Status.Detail);
        // Retry: after how long, and which app did not answer (issue 26).
        Assert.Equal(("UPSTREAM_UNAVAILABLE", "interop-target"), (e.Explanation?.Reason, e.Explanation?.Metadata["app"]));
        Assert.NotNull(e.RetryDelay);
    }

    [Fact]
    public async Task An_app_slower_than_the_default_deadline_is_UNAVAILABLE_naming_it()
    {
        await using var host = await TestGrpcServer.StartAsync(new Dictionary<string, string?> { ["Services:CallDeadline"] = "00:00:03" });
        using var channel = GrpcChannel.ForAddress(host.Address);
        // One quick relay first: the onward connection, the service token and the code paths are warm, so the slow call
        // reaches the slow app well inside its deadline however loaded the machine is.
        await new Interop.InteropClient(channel).RelayAsync(new RelayRequest { Text = "warm" });
        var key = Guid.NewGuid().ToString();
        var watch = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<RpcException>(() => new Interop.InteropClient(channel).RelayAsync(new RelayRequest { Text = key, SlowMs = 30_000 }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.StartsWith("interop-target did not answer: ", e.Status.Detail);
        Assert.True(watch.ElapsedMilliseconds < 20_000, $"took {watch.ElapsedMilliseconds} ms");
        await host.Probe.SlowCallCancelled(key).WaitAsync(TimeSpan.FromSeconds(20));   // the slow app was told to stop
    }

    [Theory]
    [InlineData(StatusCode.NotFound, "Inspection 'i-404' was not found")]
    [InlineData(StatusCode.InvalidArgument, "inspection_id: 'x' is not an inspection id")]
    [InlineData(StatusCode.FailedPrecondition, "the inspection is already published")]
    public async Task What_the_app_does_not_know_is_the_callers_FAILED_PRECONDITION_naming_it(StatusCode upstream, string detail)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.RelayAsync(Failing(upstream, detail)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Equal($"interop-target: {detail}", e.Status.Detail);
        Assert.Empty(e.FieldViolations);   // the app's field names are not this service's
        Assert.Equal(("REFERENCE_REFUSED", "interop-target"), (e.Explanation?.Reason, e.Explanation?.Metadata["app"]));
        var reference = Assert.Single(e.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations);
        Assert.Equal(("REFERENCE", "interop-target", e.Status.Detail), (reference.Type, reference.Subject, reference.Description));
    }

    [Theory]
    [InlineData(StatusCode.PermissionDenied)]
    [InlineData(StatusCode.Unauthenticated)]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.AlreadyExists)]
    public async Task Anything_else_from_the_app_is_this_services_INTERNAL_with_only_a_trace_id(StatusCode upstream)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.RelayAsync(Failing(upstream, "secret detail of the app")).ResponseAsync);

        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.Matches(@"^An internal error occurred; trace id \S+$", e.Status.Detail);
    }

    [Fact]
    public async Task The_client_raises_one_exception_naming_the_app_with_its_status_and_trailers()
    {
        using var clients = new ServiceClientHost(new Dictionary<string, string?> { [$"Services:{ServiceClientHost.AppId}:GrpcUrl"] = server.Server.Address });

        var refused = await Assert.ThrowsAsync<UpstreamException>(() => clients.Client.FailAsync(new FailRequest { Domain = "not_found" }).ResponseAsync);
        var invalid = await Assert.ThrowsAsync<UpstreamException>(() => clients.Client.ValidateAsync(new ValidateRequest { Name = "", Count = 3 }).ResponseAsync);
        var streamed = await Assert.ThrowsAsync<UpstreamException>(async () =>
        {
            await foreach (var _ in clients.Client.Count(new CountRequest { N = 5, FailAfter = 2 }).ResponseStream.ReadAllAsync()) { }
        });

        Assert.Equal((ServiceClientHost.AppId, StatusCode.NotFound, "Provider 'p-404' was not found"), (refused.AppId, refused.StatusCode, refused.Status.Detail));
        Assert.Equal("name", Assert.Single(invalid.FieldViolations).Field);   // a caller that is not a service (the admin) still reads them
        Assert.Equal((ServiceClientHost.AppId, StatusCode.Aborted), (streamed.AppId, streamed.StatusCode));
    }

    [Fact]
    public async Task A_call_given_no_deadline_gets_the_default_one_and_a_given_deadline_is_kept()
    {
        using var clients = new ServiceClientHost(new Dictionary<string, string?> { [$"Services:{ServiceClientHost.AppId}:GrpcUrl"] = server.Server.Address });
        using var configuredHost = new ServiceClientHost(new Dictionary<string, string?>
        {
            [$"Services:{ServiceClientHost.AppId}:GrpcUrl"] = server.Server.Address,
            ["Services:CallDeadline"] = "00:00:30",   // longer than the default, so only the setting explains what arrives
        });

        var byDefault = await clients.Client.EchoAsync(new EchoRequest { Text = "default" });
        var configured = await configuredHost.Client.EchoAsync(new EchoRequest { Text = "configured" });
        var given = await clients.Client.EchoAsync(new EchoRequest { Text = "given" }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60)));

        Assert.InRange(byDefault.DeadlineRemainingMs, 1, (long)ServiceClients.DefaultCallDeadline.TotalMilliseconds);
        Assert.InRange(configured.DeadlineRemainingMs, (long)ServiceClients.DefaultCallDeadline.TotalMilliseconds + 1, 30_000);
        Assert.InRange(given.DeadlineRemainingMs, (long)ServiceClients.DefaultCallDeadline.TotalMilliseconds, 60_000);
    }
}
