using System.Diagnostics;
using Google.Protobuf;
using Inspection.Domain;
using Inspection.Grpc.Tests.Server;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests;

/// <summary>The typed client against the .NET server over a real socket: results and failures as callers see them.</summary>
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
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.ValidateAsync(new ValidateRequest { Name = "", Count = 11 }));

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
            server.Client.EchoLargeAsync(new LargeMessage { Payload = ByteString.CopyFrom(new byte[4 * 1024 * 1024 + 1]) }));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task A_status_message_with_any_characters_round_trips()
    {
        const string detail = "Recommendation 3 «pas encore» — 50% done ✓ 完了\r\n";
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.FailAsync(new FailRequest { Code = (int)StatusCode.FailedPrecondition, Message = detail }));
        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Equal(detail, e.Status.Detail);
    }

    [Fact]
    public async Task An_unexpected_exception_is_internal_and_gives_nothing_away()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => server.Client.FailAsync(new FailRequest { Unexpected = true }));

        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.DoesNotContain("SELECT", e.Status.Detail);
        Assert.DoesNotContain("InvalidOperationException", e.Status.Detail);
        Assert.DoesNotContain(" at ", e.Status.Detail);
        Assert.Matches("trace id [0-9a-z]+", e.Status.Detail);
    }

    [Fact]
    public async Task A_call_past_its_deadline_is_deadline_exceeded_and_the_handler_is_cancelled()
    {
        // 2 s, not less: on a loaded machine a shorter deadline can expire on the client before the server has even
        // started the handler, and then there is no handler to cancel.
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.SlowAsync(new SlowRequest { DelayMs = 20_000 }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(2))));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.InRange(watch.ElapsedMilliseconds, 1_900, 15_000);
        await server.Server.Probe.SlowCallCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_deadline_is_answered_on_time_even_when_the_handler_ignores_its_token()
    {
        var watch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.SlowAsync(new SlowRequest { DelayMs = 3_000, IgnoreCancellation = true }, new CallOptions(deadline: DateTime.UtcNow.AddMilliseconds(200))));
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.True(watch.ElapsedMilliseconds < 2_500, $"took {watch.ElapsedMilliseconds} ms");

        // the server sent DEADLINE_EXCEEDED itself (not only the client giving up): seen on a raw call with no client timer
        using var raw = new RawHttp2();
        watch.Restart();
        var response = await raw.PostAsync(server.Server.Address, "/" + Interop.SlowMethod.FullName,
            RawHttp2.Frame(new SlowRequest { DelayMs = 3_000, IgnoreCancellation = true }), "application/grpc", ("grpc-timeout", "200m"));
        Assert.Equal("4", response.Header("grpc-status"));
        Assert.True(watch.ElapsedMilliseconds < 2_500, $"the raw call took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_deadline_already_past_fails_without_sending()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.EchoAsync(new EchoRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(-1))));
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_call_is_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.SlowAsync(new SlowRequest { DelayMs = 20_000 }, new CallOptions(cancellationToken: cancel.Token)));
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
    }

    [Fact]
    public async Task Request_metadata_reaches_the_server_and_many_calls_share_one_channel()
    {
        var headers = new Metadata().Add("x-call-key", Guid.NewGuid().ToString()).Add("x-fail-first", "0").Add("trace-bin", [0, 1, 2]);
        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            server.Client.EchoAsync(new EchoRequest { Text = i.ToString() }, new CallOptions(headers))));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i.ToString()), replies.Select(r => r.Text));
        Assert.Equal(50, server.Server.Flaky.AttemptsOf(headers.GetValue("x-call-key")!));
    }
}
