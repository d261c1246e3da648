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
/// A client-streaming write is given as its messages in order (<see cref="CheckStreamAsync"/>). A write whose request
/// has AIP-163's validate_only is first sent with it: it must pass and write nothing (no audit event, no ledger entry).
/// </summary>
public sealed class RetriedWrites(ServiceDescriptor service, CallInvoker invoker, string connectionString)
{
    private const int AtOnce = 6;

    /// <summary>The contract's write RPCs: every method not marked <c>idempotency_level = NO_SIDE_EFFECTS</c>.</summary>
    public static IReadOnlyList<MethodDescriptor> WriteRpcs(ServiceDescriptor service) =>
        service.Methods.Where(m => m.GetOptions()?.IdempotencyLevel != MethodOptions.Types.IdempotencyLevel.NoSideEffects).ToList();

    /// <summary>The contract's write RPCs by name, for a theory's MemberData.</summary>
    public static TheoryData<string> WriteRpcNames(ServiceDescriptor service) => new(WriteRpcs(service).Select(m => m.Name));

    /// <summary>
    /// Each write RPC of the contract has a request in <paramref name="requested"/> and nothing else has; the count
    /// pins the writes, so a read left unmarked (not NO_SIDE_EFFECTS) shows here.
    /// </summary>
    public static void AssertEveryWriteRequested(ServiceDescriptor service, IEnumerable<string> requested, int writeCount)
    {
        var writes = WriteRpcs(service).Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(requested.Order(StringComparer.Ordinal), writes);
        Assert.Equal(writeCount, writes.Count);
    }

    /// <summary>The check of <paramref name="methodName"/> with its request from <paramref name="requests"/>.</summary>
    public Task CheckAsync(string methodName, IReadOnlyDictionary<string, Func<string, Task<IMessage>>> requests) =>
        CheckAsync(methodName, RequestOf(methodName, requests));

    /// <summary>As above, for writes given as the messages of their request streams.</summary>
    public Task CheckStreamAsync(string methodName, IReadOnlyDictionary<string, Func<string, Task<IReadOnlyList<IMessage>>>> requests) =>
        CheckStreamAsync(methodName, RequestOf(methodName, requests));

    // A write RPC without a request fails naming it: a write added to the contract is checked from its first build.
    private static T RequestOf<T>(string methodName, IReadOnlyDictionary<string, T> requests)
    {
        Assert.True(requests.TryGetValue(methodName, out var requestFor), $"{methodName} is a write RPC: give it a request in RetrySafetyTests");
        return requestFor;
    }

    public Task CheckAsync(string methodName, Func<string, Task<IMessage>> requestFor) =>
        CheckStreamAsync(methodName, async id => [await requestFor(id)]);

    /// <summary>
    /// As <see cref="CheckAsync"/>, for a write given as the messages of its request stream (one message for a unary
    /// RPC; for a client-streaming one, the messages in order, the request_id in the first, directly or in a message
    /// field of it such as a header).
    /// </summary>
    public async Task CheckStreamAsync(string methodName, Func<string, Task<IReadOnlyList<IMessage>>> requestFor)
    {
        var method = service.FindMethodByName(methodName) ?? throw new ArgumentException($"{service.FullName} has no method {methodName}");
        Assert.False(method.IsServerStreaming, $"{method.FullName} streams its answer: a retry's answer cannot be compared as one message");
        var rpc = $"{service.FullName}/{method.Name}";

        var firstId = "retry-" + Guid.NewGuid();
        var first = await requestFor(firstId);
        Assert.True(method.IsClientStreaming || first.Count == 1, $"{rpc} is unary: give it one request message");
        Assert.NotEmpty(first);
        Assert.True(RequestIdOf(first[0]) is { } carried && carried == firstId,
            $"{method.FullName} is a write (not marked NO_SIDE_EFFECTS) but its first request message carries no string request_id with the id given");
        var before = await WritesAsync(rpc);
        if (ValidateOnlyOf(first[0]) is { } validateOnly)
        {
            // AIP-163: the same request asking only for its checks passes them and writes nothing, not even its
            // ledger entry: the real call with the same id below must still write.
            var checkedOnly = first.Select((m, i) => i == 0 ? WithValidateOnly(m, validateOnly) : m).ToList();
            await CallAsync(method, checkedOnly);
            Assert.Equal(0, await WritesAsync(rpc) - before);
            Assert.Equal(0, await LedgerEntriesAsync(firstId));
        }
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
        Assert.False(other.SequenceEqual(first), $"{rpc}: the test's second request for one id must differ from the first");
        var reused = await Assert.ThrowsAsync<RpcException>(() => CallAsync(method, other));
        Assert.Equal(StatusCode.AlreadyExists, reused.StatusCode);
        Assert.Equal(0, await WritesAsync(rpc) - beforeConcurrent - writes);
    }

    /// <summary>The request_id a message carries: its own string field, or that of a message field set on it.</summary>
    private static string? RequestIdOf(IMessage message)
    {
        if (message.Descriptor.FindFieldByName("request_id") is { FieldType: FieldType.String } own)
            return (string)own.Accessor.GetValue(message);
        return message.Descriptor.Fields.InFieldNumberOrder()
            .Where(f => f is { FieldType: FieldType.Message, IsRepeated: false } && f.Accessor.HasValue(message))
            .Select(f => f.Accessor.GetValue(message) is IMessage inner && inner.Descriptor.FindFieldByName("request_id") is { FieldType: FieldType.String } id
                ? (string)id.Accessor.GetValue(inner) : null)
            .FirstOrDefault(id => id is not null);
    }

    /// <summary>Where a request (or the message it carries first, such as a header) says validate_only, if it can.</summary>
    private static (FieldDescriptor? Carrier, FieldDescriptor Flag)? ValidateOnlyOf(IMessage message)
    {
        if (message.Descriptor.FindFieldByName("validate_only") is { FieldType: FieldType.Bool } own) return (null, own);
        return message.Descriptor.Fields.InFieldNumberOrder()
            .Where(f => f is { FieldType: FieldType.Message, IsRepeated: false } && f.Accessor.HasValue(message)
                        && f.MessageType.FindFieldByName("validate_only") is { FieldType: FieldType.Bool })
            .Select(f => ((FieldDescriptor?, FieldDescriptor)?)(f, f.MessageType.FindFieldByName("validate_only")))
            .FirstOrDefault();
    }

    private static IMessage WithValidateOnly(IMessage message, (FieldDescriptor? Carrier, FieldDescriptor Flag) where)
    {
        var copy = message.Descriptor.Parser.ParseFrom(message.ToByteArray());
        if (where.Carrier is null) where.Flag.Accessor.SetValue(copy, true);
        else where.Flag.Accessor.SetValue((IMessage)where.Carrier.Accessor.GetValue(copy), true);
        return copy;
    }

    private async Task<long> LedgerEntriesAsync(string requestId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from request_ledger where request_id = $1", connection);
        count.Parameters.Add(new NpgsqlParameter { Value = requestId });
        return Convert.ToInt64(await count.ExecuteScalarAsync());
    }

    private async Task<IMessage> CallAsync(MethodDescriptor method, IReadOnlyList<IMessage> requests)
    {
        var call = new Method<IMessage, IMessage>(method.IsClientStreaming ? MethodType.ClientStreaming : MethodType.Unary, service.FullName, method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60));
        if (!method.IsClientStreaming) return await invoker.AsyncUnaryCall(call, null, options, requests[0]).ResponseAsync;
        using var streamed = invoker.AsyncClientStreamingCall(call, null, options);
        foreach (var request in requests) await streamed.RequestStream.WriteAsync(request);
        await streamed.RequestStream.CompleteAsync();
        return await streamed.ResponseAsync;
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
