using Google.Protobuf;
using Inspection.Domain;
using Grpc.Core;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests.Server;

/// <summary>The .NET side of the test contract; what each rpc does is described in Protos/interop.proto.</summary>
public sealed class InteropService(InteropProbe probe) : Interop.InteropBase
{
    public override Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        probe.EchoEncodings.Enqueue(context.GetHttpContext().Request.Headers["grpc-encoding"].ToString());
        return Task.FromResult(Reply(request.Payload, request.Text, context));
    }

    public override Task<EchoReply> Append(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(Reply(request.Payload, request.Text, context));

    public override Task<EchoReply> Validate(ValidateRequest request, ServerCallContext context)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(request.Name)) violations.Add(new FieldViolation("name", "must not be empty"));
        if (request.Count is < 1 or > 10) violations.Add(new FieldViolation("count", "must be between 1 and 10"));
        ValidationException.ThrowIfAny(violations);
        return Task.FromResult(Reply(ByteString.Empty, request.Name, context));
    }

    public override async Task<EchoReply> Slow(SlowRequest request, ServerCallContext context)
    {
        try
        {
            await Task.Delay(request.DelayMs, request.IgnoreCancellation ? CancellationToken.None : context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.SlowCallCancelled.TrySetResult();
            throw;
        }
        return Reply(ByteString.Empty, "slept", context);
    }

    public override async Task Count(CountRequest request, IServerStreamWriter<CountReply> responseStream, ServerCallContext context)
    {
        for (var i = 1; i <= request.N; i++)
        {
            if (request.FailAfter > 0 && i > request.FailAfter)
                throw new RpcException(new Status(StatusCode.Aborted, $"stopped after {request.FailAfter}");
            await responseStream.WriteAsync(new CountReply { Index = i });
        }
    }

    public override Task<LargeMessage> EchoLarge(LargeMessage request, ServerCallContext context) =>
        Task.FromResult(new LargeMessage { Payload = request.Payload });

    public override Task<EchoReply> Fail(FailRequest request, ServerCallContext context)
    {
        if (request.Unexpected)
            throw new InvalidOperationException("SELECT secret FROM internals; this text must never reach the caller");
        throw new RpcException((StatusCode)request.Code, request.Message);
    }

    public override async Task<EchoReply> Relay(RelayRequest request, ServerCallContext context)
    {
        using var channel = GrpcChannel.ForAddress(request.Target);
        // No CallOptions: the deadline of the call being served must carry on by itself.
        return await new Interop.InteropClient(channel).EchoAsync(new EchoRequest { Text = request.Text });
    }

    private static EchoReply Reply(ByteString payload, string text, ServerCallContext context) => new()
    {
        Payload = payload,
        Text = text,
        DeadlineRemainingMs = context.Deadline == DateTime.MaxValue ? -1 : (long)(context.Deadline - DateTime.UtcNow).TotalMilliseconds,
    };
}
