using System.Collections.Concurrent;
using System.Diagnostics;
using Inspection.Grpc.Tests.Server;
using Inspection.Grpc.Tests.Support;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>
/// The trace continues across a call: the client sends W3C traceparent for its span, and the server's span (ASP.NET
/// Core's request activity, which grpc-dotnet tags with the method and status) is that span's child in the same trace.
/// Seen with an ActivityListener on every source, as the OpenTelemetry SDK of a host listens.
/// </summary>
public sealed class TracingTests(SharedServer server) : IClassFixture<SharedServer>, IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = _ => true,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private void Listen()
    {
        _listener.ActivityStopped = a => _stopped.Enqueue(a);
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task The_server_span_is_the_child_of_the_client_span_and_traceparent_says_so()
    {
        Listen();
        var key = Guid.NewGuid().ToString();
        using var clients = new ServiceClientHost(new Dictionary<string, string?> { [$"Services:{ServiceClientHost.AppId}:GrpcUrl"] = server.Server.Address });
        var client = clients.Client;
        using (var root = new Activity("test-root").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await client.EchoAsync(new EchoRequest { Text = "traced" }, new Metadata { { "x-call-key", key } });
            root.Stop();

            var serverSpan = await SpanAsync(root.TraceId, ActivityKind.Server, "/inspection.testing.v1.Interop/Echo");
            var parent = _stopped.Single(a => a.SpanId == serverSpan.ParentSpanId);
            Assert.Equal(root.TraceId, serverSpan.TraceId);
            Assert.Equal(ActivityKind.Client, parent.Kind);
            Assert.True(DescendsFrom(parent, root), $"{parent.Source.Name}:{parent.OperationName} is not under the test's root activity");

            var call = Assert.Single(server.Server.Probe.CallsWith("x-call-key", key));
            Assert.Equal($"00-{root.TraceId}-{parent.SpanId}-01", call.Header("traceparent"));
            Assert.Equal("0", serverSpan.GetTagItem("grpc.status_code"));
        }
    }

    [Fact]
    public async Task A_failed_call_records_its_status_code_on_the_server_span()
    {
        Listen();
        using var root = new Activity("test-root").SetIdFormat(ActivityIdFormat.W3C).Start();
        await Assert.ThrowsAsync<RpcException>(() => server.Client.ValidateAsync(new ValidateRequest()).ResponseAsync);
        root.Stop();

        var serverSpan = await SpanAsync(root.TraceId, ActivityKind.Server, "/inspection.testing.v1.Interop/Validate");
        Assert.Equal("3", serverSpan.GetTagItem("grpc.status_code"));
    }

    [Fact]
    public async Task Without_an_ambient_activity_the_client_still_sends_traceparent_and_the_server_continues_that_trace()
    {
        Listen();
        var key = Guid.NewGuid().ToString();
        Assert.Null(Activity.Current);
        await server.Client.EchoAsync(new EchoRequest(), new Metadata { { "x-call-key", key } });
        var call = Assert.Single(server.Server.Probe.CallsWith("x-call-key", key));
        // the client's own span still makes a traceparent, and the server continues that trace
        Assert.NotNull(call.Header("traceparent"));
        var traceId = ActivityTraceId.CreateFromString(call.Header("traceparent")!.Split('-')[1]);
        await SpanAsync(traceId, ActivityKind.Server, "/inspection.testing.v1.Interop/Echo");
    }

    private static bool DescendsFrom(Activity activity, Activity root)
    {
        for (var a = activity; a is not null; a = a.Parent)
            if (a.SpanId == root.SpanId) return true;
        return false;
    }

    private async Task<Activity> SpanAsync(ActivityTraceId trace, ActivityKind kind, string grpcMethod)
    {
        // the server span stops just after the response is written, so it can trail the client's return briefly
        for (var i = 0; i < 250; i++)
        {
            var found = _stopped.FirstOrDefault(a => a.TraceId == trace && a.Kind == kind && a.GetTagItem("grpc.method") as string == grpcMethod);
            if (found is not null) return found;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"no {kind} span of {grpcMethod} in trace {trace}: saw "
            + string.Join(", ", _stopped.Where(a => a.TraceId == trace).Select(a => $"{a.Source.Name}:{a.OperationName}:{a.DisplayName}:{a.Kind}:[{string.Join(' ', a.TagObjects.Select(t => $"{t.Key}={t.Value}"))}]")));
    }

    public void Dispose() => _listener.Dispose();
}
