using System.Text.Json;
using Google.Protobuf;
using Inspection.Grpc.Tests.Server;
using Inspection.Security;
using Inspection.Testing;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Tests.GrpcJs;

/// <summary>
/// Every kind of refusal read back through the two clients integrators use most, grpc-js (tests/interop/read-status.js)
/// and Debian's Python grpcio 1.51 (tests/interop/python/read_status.py), and through Grpc.Net.Client: all three must
/// read the message the server meant, ':' and '/' included. The refusals of the RPC policy (UNAUTHENTICATED,
/// PERMISSION_DENIED) are written by GrpcRefusalResponder, the others by grpc-dotnet after the error interceptor, so
/// both writers of grpc-message are covered (issue 26: grpc-js showed "integrator%3Aint-... %2FListPopulation").
/// </summary>
public sealed class StatusMessageReadbackTests(SharedServer server) : IClassFixture<SharedServer>
{
    private sealed record Call(string Name, string Path, string Authorization, byte[] Body, StatusCode Code, string? Message);

    private const string FailPath = "/inspection.testing.v1.Interop/Fail";
    private const string Punctuated = "integrator:int-4c7e (scopes: a.read) may not call inspection.x.v1.S/M; 100% sure? <yes> & 'no' \"x\" #1 ~ Évaluation ✓ 完了 💥";

    private static IReadOnlyList<Call> Calls() =>
    [
        new("no credentials", "/" + TestGrpcServer.ScopedRpc, "", [], StatusCode.Unauthenticated,
            "no credentials: send the header 'authorization: Bearer <token>'"),
        new("a token that is not one", "/" + TestGrpcServer.ScopedRpc, "Bearer not.a/token:at%all", [], StatusCode.Unauthenticated, null),
        new("an integrator without the scope", "/" + TestGrpcServer.ScopedRpc, TestKeys.BearerForIntegrator("int-4c7e", "ratings.read", "populations.write"), [],
            StatusCode.PermissionDenied,
            $"integrator:int-4c7e (scopes: populations.write ratings.read) may not call {TestGrpcServer.ScopedRpc}; it needs the scope audit.read"),
        new("staff below the role", "/" + TestGrpcServer.ScopedRpc, TestKeys.BearerFor(StaffRole.Viewer, "ann@inspection.local"), [],
            StatusCode.PermissionDenied,
            $"user:ann@inspection.local (Viewer) may not call {TestGrpcServer.ScopedRpc}; it needs the role Administrator or above"),
        new("a service not named", "/" + TestGrpcServer.ScopedRpc, TestKeys.BearerForService("case-sampling"), [],
            StatusCode.PermissionDenied,
            $"service:case-sampling may not call {TestGrpcServer.ScopedRpc}; no service may call it"),
        new("a handler's status", FailPath, "", new FailRequest { Code = (int)StatusCode.FailedPrecondition, Message = Punctuated }.ToByteArray(),
            StatusCode.FailedPrecondition, Punctuated),
        new("a domain refusal", FailPath, "", new FailRequest { Domain = "not_found" }.ToByteArray(), StatusCode.NotFound, "Provider 'p-404' was not found"),
        new("bytes that do not parse", FailPath, "", [0x0a, 0xff, 0xff], StatusCode.InvalidArgument, null),
        new("an unknown method", "/inspection.testing.v1.Interop/Nope", "", [], StatusCode.Unimplemented, null),
    ];

    [Fact]
    public async Task Grpc_js_reads_every_refusal_unchanged() => await ReadsEveryRefusalUnchanged(
        async calls =>
        {
            await NodePeer.EnsureInstalledAsync();
            return await NodePeer.RunScriptAsync("read-status.js", [server.Server.Target, calls], TimeSpan.FromSeconds(60));
        });

    [Fact]
    public async Task Python_grpcio_reads_every_refusal_unchanged() => await ReadsEveryRefusalUnchanged(
        calls => NodePeer.RunPythonAsync("read_status.py", [server.Server.Target, calls], TimeSpan.FromSeconds(60)));

    [Fact]
    public void The_encoding_leaves_printable_ASCII_alone_and_escapes_the_rest_and_percent()
    {
        Assert.Equal("integrator:int-1 (scopes: a.read) may not call a.v1.S/M", GrpcMessageEncoding.Encode("integrator:int-1 (scopes: a.read) may not call a.v1.S/M"));
        Assert.Equal("100%25 %C3%89t%C3%A9%0A~", GrpcMessageEncoding.Encode("100% Été\n~"));
    }

    private async Task ReadsEveryRefusalUnchanged(Func<string, Task<(int ExitCode, string StdOut, string StdErr)>> run)
    {
        var calls = Calls();
        var dotnet = new List<(StatusCode, string)>();
        foreach (var call in calls) dotnet.Add(await DotnetReads(call));
        var json = JsonSerializer.Serialize(calls.Select(c => new { path = c.Path, authorization = c.Authorization, body_hex = Convert.ToHexString(c.Body) }));

        var (exit, stdout, stderr) = await run(json);

        Assert.True(exit == 0, $"the client exited {exit}: {stderr}");
        var read = JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .Select(r => ((StatusCode)r.GetProperty("code").GetInt32(), r.GetProperty("details").GetString() ?? "")).ToList();
        Assert.Equal(calls.Count, read.Count);
        for (var i = 0; i < calls.Count; i++)
        {
            var (code, message) = read[i];
            Assert.True(calls[i].Code == code, $"{calls[i].Name}: expected {calls[i].Code}, read {code} '{message}'");
            if (calls[i].Message is { } expected) Assert.Equal(expected, message);
            Assert.Equal(dotnet[i], (code, message));
            Assert.DoesNotContain("%3A", message);
            Assert.DoesNotContain("%2F", message);
            Assert.False(string.IsNullOrWhiteSpace(message), $"{calls[i].Name}: no message");
        }
    }

    /// <summary>What Grpc.Net.Client, which decodes any %XX, reads: the reference the other clients must match.</summary>
    private async Task<(StatusCode, string)> DotnetReads(Call call)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, call.Path.Split('/')[1], call.Path.Split('/')[2],
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        var headers = new Metadata();
        if (call.Authorization.Length > 0) headers.Add("authorization", call.Authorization);
        try
        {
            await server.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(10)), call.Body);
            return (StatusCode.OK, "");
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e.Status.Detail);
        }
    }
}
