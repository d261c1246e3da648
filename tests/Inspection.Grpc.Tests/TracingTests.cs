using System.Collections.Concurrent;
using System.Diagnostics;
using Inspection.Grpc.Tests.Server;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>Client and server spans follow the OpenTelemetry RPC conventions, and the trace continues across the call.</summary>
public sealed class TracingTests(SharedServer server) : IClassFixture<SharedServer>, IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private ActivityListener? _listener;

    private void Listen()
    {
        _listener = new ActivityListener
        {
            // every source, as a host exporting ASP.NET Core and HttpClient spans too would: the gRPC server span must still hang off the client span
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _stopped.Enqueue(a),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task The_server_span_is_the_child_of_the_client_span_with_rpc_tags()
    {
        Listen();
        using var root = new Activity("test-root").Start();
        await server.Client.EchoAsync(new EchoRequest { Text = "traced" });
        root.Stop();

        var name = "inspection.testing.v1.Interop/Echo";
        var client = await SpanAsync(root.TraceId, ActivityKind.Client, name);
        var serverSpan = await SpanAsync(root.TraceId, ActivityKind.Server, name);

        Assert.Equal(root.SpanId, client.ParentSpanId);
        Assert.Equal(client.TraceId, serverSpan.TraceId);
        Assert.Equal(client.SpanId, serverSpan.ParentSpanId);
        foreach (var span in new[] { client, serverSpan })
        {
            Assert.Equal(GrpcTelemetry.SourceName, span.Source.Name);
            Assert.Equal("grpc", span.GetTagItem("rpc.system"));
            Assert.Equal("inspection.testing.v1.Interop", span.GetTagItem("rpc.service"));
            Assert.Equal("Echo", span.GetTagItem("rpc.method"));
            Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
        }
    }

    [Fact]
    public async Task A_failed_call_records_its_status_code_on_both_spans()
    {
        Listen();
        using var root = new Activity("test-root").Start();
        await Assert.ThrowsAsync<RpcException>(() => server.Client.ValidateAsync(new ValidateRequest()));
        root.Stop();

        var name = "inspection.testing.v1.Interop/Validate";
        var client = await SpanAsync(root.TraceId, ActivityKind.Client, name);
        var serverSpan = await SpanAsync(root.TraceId, ActivityKind.Server, name);
        Assert.Equal(3, client.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(3, serverSpan.GetTagItem("rpc.grpc.status_code"));
        // INVALID_ARGUMENT is the caller's fault: an error for the client span, not for the server's
        Assert.Equal(ActivityStatusCode.Error, client.Status);
        Assert.Equal(ActivityStatusCode.Unset, serverSpan.Status);
    }

    private async Task<Activity> SpanAsync(ActivityTraceId trace, ActivityKind kind, string name)
    {
        // the server span stops just after the response is written, so it can trail the client's return briefly
        for (var i = 0; i < 100; i++)
        {
            var found = _stopped.FirstOrDefault(a => a.TraceId == trace && a.Kind == kind && a.DisplayName == name);
            if (found is not null) return found;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"no {kind} span {name} in trace {trace}: saw {string.Join(", ", _stopped.Where(a => a.TraceId == trace).Select(a => $"{a.Source.Name}:{a.DisplayName}:{a.Kind}"))}");
    }

    public void Dispose() => _listener?.Dispose();
}
