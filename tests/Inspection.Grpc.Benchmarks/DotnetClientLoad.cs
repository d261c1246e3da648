using System.Diagnostics;
using Google.Protobuf;
using Inspection.Testing.V1;

namespace Inspection.Grpc.Benchmarks;

/// <summary>The .NET side of the load: N concurrent callers of unary Echo on one channel, after a warm-up.</summary>
public static class DotnetClientLoad
{
    private static readonly EchoRequest Request = new() { Text = "benchmark", Payload = ByteString.CopyFrom(Enumerable.Repeat((byte)7, 32).ToArray()) };

    public static async Task<Measurement> RunAsync(string address, int callers, TimeSpan duration, TimeSpan warmup)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new Interop.InteropClient(channel);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => CallUntilAsync(client, Stopwatch.GetTimestamp() + Ticks(warmup), null)));

        var perCaller = Enumerable.Range(0, callers).Select(_ => new List<double>(200_000)).ToArray();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var until = started + Ticks(duration);
        await Task.WhenAll(perCaller.Select(latencies => CallUntilAsync(client, until, latencies)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var measurement = Measurement.From(perCaller.SelectMany(l => l).ToList(), seconds);
        // everything this process allocated per call: client and, when the server runs here too, server
        return measurement with { AllocatedBytesPerCall = measurement.Calls == 0 ? 0 : allocated / measurement.Calls };
    }

    private static async Task CallUntilAsync(Interop.InteropClient client, long until, List<double>? latencies)
    {
        await Task.Yield();
        while (Stopwatch.GetTimestamp() < until)
        {
            var start = Stopwatch.GetTimestamp();
            await client.EchoAsync(Request);
            latencies?.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
