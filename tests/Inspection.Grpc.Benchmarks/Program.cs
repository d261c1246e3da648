using System.Globalization;
using System.Net;
using System.Text.Json;
using Grpc.Core;
using Inspection.Grpc.Benchmarks;
using Inspection.Grpc.Tests.GrpcJs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// grpc-dotnet against grpc-js: unary calls per second and p50/p99 latency at 1 and 32 concurrent callers, loopback
// only, bounded in time (grpc-js callers run in one node process per core). The .NET server is Grpc.AspNetCore on
// Kestrel h2c (AddGrpc + MapGrpcService, as the services host it), the .NET client Grpc.Net.Client's GrpcChannel:
// .NET client -> .NET server, grpc-js client -> .NET server, grpc-js client -> grpc-js server (and, for
// completeness, .NET client -> grpc-js server).
// Usage: dotnet run -c Release --project tests/Inspection.Grpc.Benchmarks [-- SECONDS_PER_CELL] [--rounds N] [--dotnet-only]
// --rounds N measures every cell N times, interleaved, and keeps each cell's round with the most calls/s (on a shared
// machine other work steals whole rounds); --dotnet-only measures just .NET -> .NET, for quick profiling rounds, and
// with --allocations also lists the types allocated most during such a run; --serve SECONDS only runs the .NET server.
var dotnetOnly = args.Contains("--dotnet-only");
var roundsAt = Array.IndexOf(args, "--rounds");
var rounds = roundsAt >= 0 ? int.Parse(args[roundsAt + 1], CultureInfo.InvariantCulture) : 1;
var seconds = args.Where((a, i) => !a.StartsWith("--") && (roundsAt < 0 || i != roundsAt + 1) && (i == 0 || args[i - 1] != "--serve")).FirstOrDefault() is { } given
    ? double.Parse(given, CultureInfo.InvariantCulture) : 3;
var duration = TimeSpan.FromSeconds(seconds);
var warmup = TimeSpan.FromSeconds(1);
int[] concurrency = [1, 32];

if (!dotnetOnly && !args.Contains("--serve")) await NodePeer.EnsureInstalledAsync();
var port = FreePort();
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
    kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
});
builder.Services.AddGrpc();
await using var app = builder.Build();
app.MapGrpcService<EchoService>();
await app.StartAsync();
if (Array.IndexOf(args, "--serve") is var serveAt and >= 0)
{
    // just the .NET server, for measuring by hand with another client (node bench-client.js ...)
    Console.WriteLine($"serving on 127.0.0.1:{port}");
    await Task.Delay(TimeSpan.FromSeconds(double.Parse(args[serveAt + 1], CultureInfo.InvariantCulture)));
    return 0;
}
using var node = dotnetOnly ? null : await NodePeer.StartServerAsync();

var dotnetServer = $"127.0.0.1:{port}";
var measured = new List<(string Pair, int Callers, Measurement Result)>();
for (var round = 1; round <= rounds; round++)
{
    foreach (var callers in concurrency)
    {
        Console.Error.WriteLine($"round {round}/{rounds}: measuring {callers} caller(s)...");
        measured.Add((".NET client -> .NET server", callers, await DotnetClientLoad.RunAsync("http://" + dotnetServer, callers, duration, warmup)));
        if (node is null) continue;
        measured.Add(("grpc-js client -> .NET server", callers, await GrpcJsLoadAsync(dotnetServer, callers)));
        measured.Add(("grpc-js client -> grpc-js server", callers, await GrpcJsLoadAsync(node.Target, callers)));
        measured.Add((".NET client -> grpc-js server", callers, await DotnetClientLoad.RunAsync(node.Address, callers, duration, warmup)));
    }
}
var rows = measured.GroupBy(m => (m.Pair, m.Callers)).Select(g => g.MaxBy(m => m.Result.Rps)).ToList();

Measurement Cell(string pair, int callers) => rows.Single(r => r.Pair == pair && r.Callers == callers).Result;
if (node is null)
{
    if (args.Contains("--allocations"))
    {
        using var sampler = new AllocationSampler();
        await Task.Delay(200);
        sampler.On = true;
        await DotnetClientLoad.RunAsync("http://" + dotnetServer, 4, duration, TimeSpan.Zero);
        sampler.On = false;
        foreach (var (type, n) in sampler.Counts.OrderByDescending(kv => kv.Value).Take(40)) Console.WriteLine($"{n,6} {type}");
    }
    foreach (var (pair, callers, result) in rows)
        Console.WriteLine($"{pair}, {callers} caller(s): {result.Rps:N0} calls/s, p50 {result.P50Us:N0} µs, p99 {result.P99Us:N0} µs, {result.AllocatedBytesPerCall:N0} bytes/call (load average {LoadAverage()})");
    return 0;
}
Console.WriteLine($"Unary Echo (32-byte payload) on loopback, {seconds:0.#} s per cell after a {warmup.TotalSeconds:0} s warm-up"
    + (rounds > 1 ? $", best of {rounds} interleaved rounds" : "") + $"; grpc-js callers spread over up to {Environment.ProcessorCount} node processes;"
    + $" {Environment.ProcessorCount} cores, load average {LoadAverage()} at the end");
Console.WriteLine();
Console.WriteLine("| client -> server | callers | calls/s | p50 (µs) | p99 (µs) | calls/s vs grpc-js -> grpc-js | .NET bytes allocated/call |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
foreach (var (pair, callers, result) in rows)
{
    var baseline = Cell("grpc-js client -> grpc-js server", callers).Rps;
    Console.WriteLine($"| {pair} | {callers} | {result.Rps:N0} | {result.P50Us:N0} | {result.P99Us:N0} | {result.Rps / baseline:0.00}x | {result.AllocatedBytesPerCall?.ToString("N0") ?? ""} |");
}
Console.WriteLine();
var serverRatio = Cell("grpc-js client -> .NET server", 32).Rps / Cell("grpc-js client -> grpc-js server", 32).Rps;
var stackRatio = Cell(".NET client -> .NET server", 32).Rps / Cell("grpc-js client -> grpc-js server", 32).Rps;
var p99 = Cell(".NET client -> .NET server", 1).P99Us;
var serverRatioDotnetClient = Cell(".NET client -> .NET server", 32).Rps / Cell(".NET client -> grpc-js server", 32).Rps;
Console.WriteLine($".NET server / grpc-js server at 32 callers, same grpc-js client: {serverRatio:0.00}x (target >= 3x)");
Console.WriteLine($".NET server / grpc-js server at 32 callers, same .NET client: {serverRatioDotnetClient:0.00}x (target >= 3x; the .NET client shares its process with the .NET server)");
Console.WriteLine($".NET client+server / grpc-js client+server at 32 callers: {stackRatio:0.00}x");
Console.WriteLine($"p99 at 1 caller, .NET -> .NET: {p99:N0} µs (target < 1000 µs)");
return 0;

// A node process is single-threaded: with many callers one process would measure itself, not the server. So the
// callers are spread over one process per core (each its own channel), and their latencies merged.
async Task<Measurement> GrpcJsLoadAsync(string target, int callers)
{
    var processes = Math.Min(callers, Environment.ProcessorCount);
    var runs = Enumerable.Range(0, processes).Select(i => NodePeer.RunScriptAsync("bench-client.js",
        [target, (callers / processes + (i < callers % processes ? 1 : 0)).ToString(CultureInfo.InvariantCulture),
         ((int)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), ((int)warmup.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), "--raw"],
        duration + warmup + TimeSpan.FromSeconds(60))).ToList();
    var latencies = new List<double>();
    var rps = 0.0;
    var longest = 0.0;
    foreach (var (exit, stdout, stderr) in await Task.WhenAll(runs))
    {
        if (exit != 0) throw new InvalidOperationException($"bench-client.js exited {exit}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        rps += json.RootElement.GetProperty("rps").GetDouble();
        longest = Math.Max(longest, json.RootElement.GetProperty("seconds").GetDouble());
        latencies.AddRange(json.RootElement.GetProperty("latencies_us").EnumerateArray().Select(e => e.GetDouble()));
    }
    return Measurement.From(latencies, longest) with { Rps = rps };
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string LoadAverage()
{
    try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
    catch (IOException) { return "unknown"; }
}
