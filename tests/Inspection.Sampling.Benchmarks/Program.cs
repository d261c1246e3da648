using System.Diagnostics;
using System.Globalization;
using Inspection.Sampling.Benchmarks;
using Inspection.Testing;

// Child mode: one size in this process (started by the parent below).
if (args.Length == 3 && args[0] == "--size")
{
    return await SizeRun.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
}

int[] sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000, 1_000_000];
Console.WriteLine($"Case sampling benchmark: import and draw, populations of {string.Join(", ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} cases");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; PostgreSQL: the test harness's throwaway cluster");
Console.WriteLine($"Load average at start: {LoadAverage()} (wall times grow with it; CPU seconds are this program's own, PostgreSQL's excluded)");
var server = PostgresServer.Shared;
var results = new List<string[]>();
foreach (var size in sizes)
{
    var connectionString = await server.CreateDatabaseAsync("bench");
    var start = new ProcessStartInfo(Environment.ProcessPath!, [typeof(SizeRun).Assembly.Location, "--size", size.ToString(CultureInfo.InvariantCulture), connectionString])
    {
        RedirectStandardOutput = true,
    };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) != "dotnet") start.ArgumentList.RemoveAt(0);
    using var child = Process.Start(start)!;
    var output = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT", StringComparison.Ordinal));
    if (child.ExitCode != 0 || line is null)
    {
        Console.Error.WriteLine($"size {size}: the run failed (exit {child.ExitCode})\n{output}");
        return 1;
    }
    results.Add(line.Trim().Split('\t'));
}

string Seconds(string s) => double.Parse(s, CultureInfo.InvariantCulture).ToString("F3", CultureInfo.InvariantCulture);
Console.WriteLine();
Console.WriteLine($"{"cases",10} {"import s",9} {"(cpu s)",8} {"cases/s",9} {"after restart s",15} {"draw warm s",12} {"(cpu s",7} {"load s",7} {"domain s)",10} {"peak MB",8} {"n",5} {"strata",7}");
foreach (var r in results)
{
    var rate = double.Parse(r[2], CultureInfo.InvariantCulture) / double.Parse(r[3], CultureInfo.InvariantCulture);
    Console.WriteLine($"{int.Parse(r[1], CultureInfo.InvariantCulture),10:N0} {Seconds(r[3]),9} {Seconds(r[11]),8} {rate,9:N0} {Seconds(r[4]),15} {Seconds(r[5]),12} {Seconds(r[12]),7} {Seconds(r[6]),7} {Seconds(r[7]),10} {long.Parse(r[8], CultureInfo.InvariantCulture) / 1048576.0,8:F0} {r[9],5} {r[10],7}");
}
Console.WriteLine();
for (var i = 1; i < results.Count; i++)
{
    double Ratio(int column) => double.Parse(results[i][column], CultureInfo.InvariantCulture) / double.Parse(results[i - 1][column], CultureInfo.InvariantCulture);
    Console.WriteLine($"growth {results[i - 1][1]} -> {results[i][1]} cases (x{Ratio(1):F0}): import x{Ratio(3):F2} (cpu x{Ratio(11):F2}), warm draw x{Ratio(5):F2} (cpu x{Ratio(12):F2}), peak memory x{Ratio(8):F2}");
}
var largest = results[^1];
var warmLargest = double.Parse(largest[5], CultureInfo.InvariantCulture);
Console.WriteLine(warmLargest < 2.0
    ? $"target met: a warm draw from {int.Parse(largest[1], CultureInfo.InvariantCulture):N0} cases took {warmLargest:F3} s (under 2 s)"
    : $"target missed: a warm draw from {int.Parse(largest[1], CultureInfo.InvariantCulture):N0} cases took {warmLargest:F3} s (target under 2 s)");
Console.WriteLine($"Load average at end: {LoadAverage()}");
await server.StopAsync();
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
