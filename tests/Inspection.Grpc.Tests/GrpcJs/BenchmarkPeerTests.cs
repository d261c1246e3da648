using System.Text.Json;
using Inspection.Grpc.Tests.Server;

namespace Inspection.Grpc.Tests.GrpcJs;

/// <summary>
/// The grpc-js side of tests/Inspection.Grpc.Benchmarks hands over its whole result: with --raw it prints every
/// latency, which passes 64 KiB (a pipe's buffer) after a few thousand calls; exiting before the pipe drained once cut
/// the output there and crashed the benchmark exactly when the peer was fast.
/// </summary>
public sealed class BenchmarkPeerTests
{
    [Fact]
    public async Task The_benchmark_client_prints_every_latency_it_measured()
    {
        await NodePeer.EnsureInstalledAsync();
        await using var server = await TestGrpcServer.StartAsync();

        var (exit, stdout, stderr) = await NodePeer.RunScriptAsync("bench-client.js", [$"127.0.0.1:{server.Port}", "16", "6000", "300", "--raw"],
            TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"bench-client.js exited {exit}: {stderr}");
        using var result = JsonDocument.Parse(stdout);
        var calls = result.RootElement.GetProperty("calls").GetInt32();
        Assert.True(calls > 0, "no call was measured");
        Assert.Equal(calls, result.RootElement.GetProperty("latencies_us").GetArrayLength()); // about 7 bytes each: past 64 KiB on this machine
        Assert.EndsWith("\n", stdout);
    }
}
