using System.Diagnostics;
using System.Globalization;
using Inspection.Sampling.Benchmarks;
using Inspection.Testing;

// Child modes: one size's import (and warm draws), or a freshly started host's draws (started by the parent below).
if (args.Length == 3 && args[0] == "--import")
{
    return await SizeRun.ImportAsync(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
}
if (args.Length == 4 && args[0] == "--restart")
{
    return await SizeRun.RestartAsync(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], args[3]);
}

int[] sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000, 1_000_000];
Console.WriteLine($"Case sampling benchmark: import and draw, populations of {string.Join(", ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} cases");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; PostgreSQL: the test harness's throwaway cluster (audit triggers on)");
Console.WriteLine($"Load average at start: {LoadAverage()} (wall times grow with it; CPU seconds are this program's own, PostgreSQL's excluded)");
var server = PostgresServer.Shared;
var results = new List<Result>();
foreach (var size in sizes)
{
    var connectionString = await server.CreateDatabaseAsync("bench");
    var import = await RunChildAsync("--import", size.ToString(CultureInfo.InvariantCulture), connectionString);
    if (import is null) return 1;
    var restart = await RunChildAsync("--restart", size.ToString(CultureInfo.InvariantCulture), import[1], connectionString);
    if (restart is null) return 1;
    results.Add(new Result(size, import, restart));
}

Console.WriteLine();
Console.WriteLine("Draw: 95% / 5 points, every case eligible, stratified by gender, sentence type and risk of harm.");
Console.WriteLine("cold = the first draw of a host that has just started, in a new process (reads the snapshot's image from PostgreSQL; code compiled on first use);");
Console.WriteLine("empty cache = a draw by a new host object in the importing process (the data's part of cold, code already compiled); warm = a later draw (cases in memory).");
Console.WriteLine("image load / rows load = reading the snapshot from its image (best of 3) / from its rows by binary COPY (the fallback); domain = the draw alone in memory.");
Console.WriteLine("peak MB = the process's peak working set (all memory, runtime included): importer (holds the generated rows too) / restarted host.");
Console.WriteLine();
Console.WriteLine($"{"cases",10} {"import s",9} {"(cpu s)",8} {"cases/s",9} {"complete s",10} {"cold draw s",11} {"(cpu s)",8} {"empty cache s",13} {"image load s",12} {"rows load s",11} {"warm draw s",11} {"(cpu s)",8} {"domain s",9} {"GC pause s",10} {"peak MB",11} {"n",5} {"strata",6}");
foreach (var r in results)
{
    Console.WriteLine($"{r.Size,10:N0} {F(r.ImportSeconds),9} {F(r.ImportCpu),8} {r.Size / r.ImportSeconds,9:N0} {F(r.CompleteSeconds),10} {F(r.ColdSeconds),11} {F(r.ColdCpu),8} {F(r.EmptyCacheSeconds),13} {F(r.ImageLoadSeconds),12} {F(r.RowsLoadSeconds),11} {F(r.WarmSeconds),11} {F(r.WarmCpu),8} {F(r.DomainSeconds),9} {F(r.WarmGcPause),10} {$"{r.ImportPeakMb:F0} / {r.RestartPeakMb:F0}",11} {r.SampleSize,5} {r.Strata,6}");
}
Console.WriteLine();
for (var i = 1; i < results.Count; i++)
{
    var (a, b) = (results[i - 1], results[i]);
    Console.WriteLine($"growth {a.Size:N0} -> {b.Size:N0} cases (x{(double)b.Size / a.Size:F0}): import x{b.ImportSeconds / a.ImportSeconds:F2} (cpu x{b.ImportCpu / a.ImportCpu:F2}), " +
        $"cold draw x{b.ColdSeconds / a.ColdSeconds:F2} (cpu x{b.ColdCpu / a.ColdCpu:F2}), empty cache x{b.EmptyCacheSeconds / a.EmptyCacheSeconds:F2}, warm draw x{b.WarmSeconds / a.WarmSeconds:F2} (cpu x{b.WarmCpu / a.WarmCpu:F2}), " +
        $"domain draw x{b.DomainSeconds / a.DomainSeconds:F2}, peak memory x{b.ImportPeakMb / a.ImportPeakMb:F2} / x{b.RestartPeakMb / a.RestartPeakMb:F2}");
}
foreach (var r in results)
{
    if (r.WarmFingerprint != r.RestartFingerprint)
    {
        Console.Error.WriteLine($"{r.Size:N0} cases: the restarted host drew other cases than the importing host with the same seed ({r.RestartFingerprint} vs {r.WarmFingerprint})");
        return 1;
    }
}
Console.WriteLine("Same seed, same cases: each restarted host drew exactly what the importing host drew from its memory.");
var largest = results[^1];
var met = largest.ColdSeconds < 2.0 && largest.WarmSeconds < 2.0;
Console.WriteLine($"target {(met ? "met" : "missed")}: a draw from {largest.Size:N0} cases took {F(largest.ColdSeconds)} s cold and {F(largest.WarmSeconds)} s warm (target under 2 s)");
Console.WriteLine($"Load average at end: {LoadAverage()}");
await server.StopAsync();
return 0;

static string F(double seconds) => seconds.ToString("F3", CultureInfo.InvariantCulture);

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

// Runs this program in a child mode and returns its result line's fields (null when it failed, after saying why).
static async Task<string[]?> RunChildAsync(params string[] arguments)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!, [typeof(SizeRun).Assembly.Location, .. arguments]) { RedirectStandardOutput = true };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) != "dotnet") start.ArgumentList.RemoveAt(0);
    using var child = Process.Start(start)!;
    var output = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("IMPORT", StringComparison.Ordinal) || l.StartsWith("RESTART", StringComparison.Ordinal));
    if (child.ExitCode == 0 && line is not null) return line.Trim().Split('\t');
    Console.Error.WriteLine($"{string.Join(' ', arguments.Take(2))}: the run failed (exit {child.ExitCode})\n{output}");
    return null;
}
