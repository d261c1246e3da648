using System.Diagnostics;
using Google.Protobuf;
using Inspection.Domain;
using Inspection.Grpc.Tests.Server;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>
/// A grpc-dotnet client (Grpc.Tools stubs) against the ServiceDefaults host over a real socket: results, metadata,
/// deadlines, cancellation and limits as callers see them.
/// </summary>
public sealed class UnaryCallTests(SharedServer server) : IClassFixture<SharedServer>
{
    [Fact]
    public async Task Echo_returns_the_payload_and_text()
    {
        var reply = await server.Client.EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(1, 2, 3), Text = "probation" });
        Assert.Equal(new byte[] { 1, 2, 3 }, reply.Payload.ToByteArray());
        Assert.Equal("probation", reply.Text);
        Assert.Equal(-1, reply.DeadlineRemainingMs);
    }

    [Fact]
    public async Task An_empty_request_and_reply_travel_as_zero_length_messages()
    {
        var reply = await server.Client.EchoAsync(new EchoRequest());
        Assert.Equal("", reply.Text);
        Assert.True(reply.Payload.IsEmpty);
    }

    [Fact]
    public async Task The_deadline_reaches_the_server()
    {
        var reply = await server.Client.EchoAsync(new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
        Assert.InRange(reply.DeadlineRemainingMs, 20_000, 30_000);
    }

    [Fact]
    public async Task A_validation_failure_is_invalid_argument_with_its_field_violations()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.ValidateAsync(new ValidateRequest { Name = "", Count = 11 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(
            [new FieldViolation("name", "must not be empty"), new FieldViolation("count", "must be between 1 and 10")],
            e.FieldViolations);
    }

    [Fact]
    public async Task A_valid_request_passes_validation()
    {
        var reply = await server.Client.ValidateAsync(new ValidateRequest { Name = "Cumbria", Count = 3 });
        Assert.Equal("Cumbria", reply.Text);
    }

    [Fact]
    public async Task A_large_message_round_trips()
    {
        var payload = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(payload);
        var reply = await server.Client.EchoLargeAsync(new LargeMessage { Payload = ByteString.CopyFrom(payload) });
        Assert.Equal(payload, reply.Payload.ToByteArray());
    }

    [Fact]
    public async Task A_request_over_the_server_receive_limit_is_resource_exhausted()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.EchoLargeAsync(new LargeMessage { Payload = ByteString.CopyFrom(new byte[4 * 1024 * 1024 + 1]) }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task A_status_message_with_any_characters_round_trips()
    {
        const string detail = "Recommendation 3 «pas encore» — 50% done ✓ 完了\r\n";
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.FailAsync(new FailRequest { Code = (int)StatusCode.FailedPrecondition, Message = detail }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Equal(detail, e.Status.Detail);
    }

    [Fact]
    public async Task An_unexpected_exception_is_internal_and_gives_nothing_away()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.FailAsync(new FailRequest { Unexpected = true }).ResponseAsync);

        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.DoesNotContain("SELECT", e.Status.Detail);
        Assert.DoesNotContain("InvalidOperationException", e.Status.Detail);
        Assert.DoesNotContain(" at ", e.Status.Detail);
        Assert.Matches("trace id [0-9a-z]+", e.Status.Detail);
    }

    [Fact]
    public async Task A_call_past_its_deadline_is_deadline_exceeded_and_the_handler_is_cancelled()
    {
        // 4 s, not less: on a loaded machine a shorter deadline can expire before the server has even started the
        // handler, and then there is no handler to cancel.
        var key = Guid.NewGuid().ToString();
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.SlowAsync(new SlowRequest { DelayMs = 20_000, Key = key }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(4))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.InRange(watch.ElapsedMilliseconds, 3_800, 18_000);
        await server.Server.Probe.SlowCallCancelled(key).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_deadline_is_answered_on_time_even_when_the_handler_ignores_its_token()
    {
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.SlowAsync(new SlowRequest { DelayMs = 10_000, IgnoreCancellation = true }, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(500))).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.True(watch.ElapsedMilliseconds < 8_000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_deadline_already_past_fails_without_sending()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.EchoAsync(new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(-1))).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_call_is_cancelled_and_the_handler_sees_it()
    {
        var key = Guid.NewGuid().ToString();
        using var cancel = new CancellationTokenSource();
        var call = server.Client.SlowAsync(new SlowRequest { DelayMs = 20_000, Key = key }, new CallOptions(cancellationToken: cancel.Token));
        await server.Server.Probe.SlowCallStarted(key).WaitAsync(TimeSpan.FromSeconds(20));
        cancel.Cancel();
        var e = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
        await server.Server.Probe.SlowCallCancelled(key).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Metadata_travels_both_ways_as_headers_and_trailers_text_and_binary()
    {
        var call = server.Client.EchoAsync(new EchoRequest { Text = "m" },
            new CallOptions(new Metadata { { "x-echo", "evaluation 100% done" }, { "x-echo-bin", new byte[] { 0, 1, 254, 255 } } }));

        var headers = await call.ResponseHeadersAsync;
        Assert.Equal("m", (await call).Text);
        var trailers = call.GetTrailers();
        Assert.Equal("evaluation 100% done", headers.GetValue("x-echo-header"));
        Assert.Equal("evaluation 100% done", trailers.GetValue("x-echo-trailer"));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, trailers.GetValueBytes("x-echo-bin"));
    }

    [Fact]
    public async Task Request_metadata_reaches_the_server_and_many_calls_share_one_channel()
    {
        var headers = new Metadata { { "x-call-key", Guid.NewGuid().ToString() }, { "trace-bin", new byte[] { 0, 1, 2 } } };
        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            server.Client.EchoAsync(new EchoRequest { Text = i.ToString() }, new CallOptions(headers)).ResponseAsync));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i.ToString()), replies.Select(r => r.Text));
        var calls = server.Server.Probe.CallsWith("x-call-key", headers.GetValue("x-call-key")!);
        Assert.Equal(50, calls.Count);
        Assert.All(calls, c => Assert.Equal(new byte[] { 0, 1, 2 }, c.Headers.GetValueBytes("trace-bin")));
    }
}
