using System.Diagnostics;

namespace Inspection.Scoring.Benchmarks;

/// <summary>Timings of repeated runs (milliseconds) with the bytes allocated per run by the whole process.</summary>
public sealed record Measurement(string Name, IReadOnlyList<double> Milliseconds, double AllocatedBytesPerRun)
{
    public static async Task<Measurement> RunAsync(string name, int warmup, int runs, Func<Task> work)
    {
        for (var i = 0; i < warmup; i++) await work();
        var times = new List<double>(runs);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await work();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Measurement(name, times, (double)allocated / runs);
    }

    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    public override string ToString() =>
        $"{Name,-58} runs {Milliseconds.Count,4}  median {Percentile(0.5),9:F2} ms  p95 {Percentile(0.95),9:F2} ms  max {Milliseconds.Max(),9:F2} ms  alloc/run {AllocatedBytesPerRun / 1024,9:F0} KiB";
}
