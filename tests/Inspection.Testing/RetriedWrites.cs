using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Npgsql;
using Xunit;

namespace Inspection.Testing;

/// <summary>
/// The proof that every write of a service is safe to retry, for any contract: the write RPCs are found from the
/// service's descriptor (every method the contract does not mark NO_SIDE_EFFECTS), so a new one is checked the day it
/// is added. For each: it takes a request_id; a retry with the same id writes nothing and returns the first answer;
/// calls with one id made at once write once and all return the same answer; the same id with a different request is
/// ALREADY_EXISTS. What a call wrote is counted in the service's own audit trail (audit.events, written by triggers in
/// every write's transaction, naming the RPC), so no service needs counting code of its own. The test gives, per write
/// RPC, a valid request for a request id (creating what it needs first); a second request for the same id must differ.
/// </summary>
public sealed class RetriedWrites(ServiceDescriptor service, CallInvoker invoker, string connectionString)
{
    private const int AtOnce = 6;

    /// <summary>The contract's write RPCs: every method not marked <c>idempotency_level = NO_SIDE_EFFECTS</c>.</summary>
    public static IReadOnlyList<MethodDescriptor> WriteRpcs(ServiceDescriptor service) =>
        service.Methods.Where(m => m.GetOptions()?.IdempotencyLevel != MethodOptions.Types.IdempotencyLevel.NoSideEffects).ToList();

    public async Task CheckAsync(string methodName, Func<string, Task<IMessage>> requestFor)
    {
        var method = service.FindMethodByName(methodName) ?? throw new ArgumentException($"{service.FullName} has no method {methodName}");
        var requestId = method.InputType.FindFieldByName("request_id");
        Assert.True(requestId is { FieldType: FieldType.String },
            $"{method.FullName} is a write (not marked NO_SIDE_EFFECTS) but {method.InputType.Name} has no string request_id");
        var rpc = $"{service.FullName}/{method.Name}";

        var firstId = "retry-" + Guid.NewGuid();
        var first = await requestFor(firstId);
        Assert.Equal(firstId, requestId!.Accessor.GetValue(first));
        var before = await WritesAsync(rpc);
        var answer = await CallAsync(method, first);
        var writes = await WritesAsync(rpc) - before;
        Assert.True(writes > 0, $"{rpc}: the first call wrote nothing to the audit trail, so a retry proves nothing");

        var retried = await CallAsync(method, first);
        Assert.Equal(answer, retried);
        Assert.Equal(0, await WritesAsync(rpc) - before - writes);

        var concurrentId = "at-once-" + Guid.NewGuid();
        var concurrent = await requestFor(concurrentId);
        var beforeConcurrent = await WritesAsync(rpc);
        var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => Task.Run(() => CallAsync(method, concurrent))));
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(writes, await WritesAsync(rpc) - beforeConcurrent);

        var other = await requestFor(firstId);
        Assert.False(other.Equals(first), $"{rpc}: the test's second request for one id must differ from the first");
        var reused = await Assert.ThrowsAsync<RpcException>(() => CallAsync(method, other));
        Assert.Equal(StatusCode.AlreadyExists, reused.StatusCode);
        Assert.Equal(0, await WritesAsync(rpc) - beforeConcurrent - writes);
    }

    private Task<IMessage> CallAsync(MethodDescriptor method, IMessage request)
    {
        var call = new Method<IMessage, IMessage>(MethodType.Unary, service.FullName, method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
        return invoker.AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60)), request).ResponseAsync;
    }

    private async Task<long> WritesAsync(string rpc)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select coalesce(sum(row_count), 0) from audit.events where rpc = $1", connection);
        count.Parameters.Add(new NpgsqlParameter { Value = rpc });
        return Convert.ToInt64(await count.ExecuteScalarAsync());
    }
}
