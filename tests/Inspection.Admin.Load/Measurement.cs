using System.Diagnostics;
using System.Globalization;

namespace Inspection.Admin.Load;

/// <summary>One row of the table: how many admins and users, paced or not, what they got, and the machine's load.</summary>
public sealed record Measurement(int Admins, int Users, TimeSpan? Pace, TimeSpan Elapsed, PageStatistics Statistics, double LoadBefore, double LoadAfter)
{
    public double PagesPerSecond => Statistics.Pages / Elapsed.TotalSeconds;

    public string Mode => Pace is { } pace ? $"working (a page every {pace.TotalSeconds:0} s)" : "saturation (no pause)";

    /// <summary>
    /// <paramref name="users"/> staff load the working day's pages for <paramref name="duration"/>, each starting at a
    /// different page: without pause, or each one page every <paramref name="pace"/> (their starts spread over it).
    /// </summary>
    public static async Task<Measurement> RunAsync(WorkingDay day, IReadOnlyList<StaffSession> staff, int admins, int users, TimeSpan duration, TimeSpan? pace, int seed)
    {
        var statistics = new PageStatistics();
        var loadBefore = LoadAverage();
        var random = new Random(seed * 7919 + users);
        var firstSteps = Enumerable.Range(0, users).Select(_ => random.Next(WorkingDay.Pages.Count)).ToArray();
        using var end = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            var started = clock.Elapsed + (pace ?? TimeSpan.Zero) * user / users;
            for (var step = firstSteps[user]; !end.IsCancellationRequested; step++)
            {
                if (pace is { } every)
                {
                    var wait = started + every * (step - firstSteps[user]) - clock.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        try
                        {
                            await Task.Delay(wait, end.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            return;
                        }
                    }
                }
                // a page begun is finished and counted even when the time runs out during it
                await day.VisitAsync(user, staff[user], step, statistics, CancellationToken.None);
            }
        })));
        return new Measurement(admins, users, pace, clock.Elapsed, statistics, loadBefore, LoadAverage());
    }

    /// <summary>The machine's one-minute load average (/proc/loadavg).</summary>
    public static double LoadAverage() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;
}
