using System.Globalization;
using System.Text;

namespace Inspection.Admin.Load;

/// <summary>
/// One whole run: the system started, staff signed in, then for one and for two admin processes a warm-up pass of every
/// page, each saturation measurement and the working day; then every log searched for "too many clients".
/// </summary>
public static class AdminLoadRun
{
    public static async Task<AdminLoadReport> RunAsync(AdminLoadOptions options, TextWriter log)
    {
        await using var system = await AdminSystem.StartAsync(log);
        var measurements = new List<Measurement>();
        var staff = new List<StaffSession>();
        var day = new WorkingDay(system.Inspection);
        try
        {
            var users = options.SaturationUsers.Append(options.WorkingUsers).Max();
            foreach (var admins in options.AdminReplicas)
            {
                log.WriteLine($"Admin processes: {admins}");
                await system.StartAdminsAsync(admins);
                foreach (var session in staff) session.Use(system.Admins);
                if (staff.Count < users)
                {
                    log.WriteLine($"Signing in {users} staff...");
                    var signedIn = new List<StaffSession>();
                    for (var i = staff.Count; i < users; i++) signedIn.Add(new StaffSession(system.Admins));
                    // a few at a time: the sign-in's password hash is deliberately slow
                    await Parallel.ForEachAsync(signedIn, new ParallelOptions { MaxDegreeOfParallelism = 4 },
                        async (session, _) => await session.SignInAsync(AdminSystem.Email, AdminSystem.Password));
                    staff.AddRange(signedIn);
                }
                // every page once by one user on each admin, so the figures measure serving, not starting
                var warmUp = new PageStatistics();
                for (var step = 0; step < WorkingDay.Pages.Count * admins; step++) await day.VisitAsync(0, staff[0], step, warmUp, CancellationToken.None);
                if (warmUp.Errors > 0) throw new InvalidOperationException("the warm-up failed: " + string.Join("; ", warmUp.FirstErrors));

                foreach (var n in options.SaturationUsers)
                    measurements.Add(Report(log, await Measurement.RunAsync(day, staff, admins, n, options.SaturationTime, pace: null, options.Seed)));
                measurements.Add(Report(log, await Measurement.RunAsync(day, staff, admins, options.WorkingUsers, options.WorkingTime, options.WorkingPace, options.Seed)));
            }
            return new AdminLoadReport(measurements, system.TooManyClients(), Environment.ProcessorCount);
        }
        finally
        {
            foreach (var session in staff) session.Dispose();
        }
    }

    private static Measurement Report(TextWriter log, Measurement m)
    {
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {m.Admins} admin(s), {m.Users,3} users, {m.Mode}: {m.Statistics.Pages:N0} pages in {m.Elapsed.TotalSeconds:0} s, {m.PagesPerSecond:0.0}/s, {m.Statistics.Errors} errors, load {m.LoadBefore:0.0} -> {m.LoadAfter:0.0}"));
        foreach (var error in m.Statistics.FirstErrors) log.WriteLine("    " + error);
        return m;
    }
}

/// <summary>The table of a run, and whether it passed: no error page, no failed save, "too many clients" never logged.</summary>
public sealed record AdminLoadReport(IReadOnlyList<Measurement> Measurements, IReadOnlyList<string> TooManyClients, int Cores)
{
    public long Errors => Measurements.Sum(m => m.Statistics.Errors);
    public bool Passed => Errors == 0 && TooManyClients.Count == 0 && Measurements.All(m => m.Statistics.Pages > 0);

    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Admin load: {Cores} cores; every figure in ms as p50 / p95 / p99; load = the machine's 1-minute load average before -> after");
        text.AppendLine();
        text.AppendLine("| admins | users | mode | pages/s | errors | load | all pages | " + string.Join(" | ", WorkingDay.Pages) + " |");
        text.AppendLine("| ---: | ---: | --- | ---: | ---: | --- | --- | " + string.Join(" | ", WorkingDay.Pages.Select(_ => "---")) + " |");
        foreach (var m in Measurements)
        {
            var all = m.Statistics.Overall();
            var pages = WorkingDay.Pages.Select(p => m.Statistics.Latency(p) is { } l ? $"{l.P50:0} / {l.P95:0} / {l.P99:0}" : "-");
            text.AppendLine(c, $"| {m.Admins} | {m.Users} | {(m.Pace is null ? "saturation" : $"working, a page every {m.Pace.Value.TotalSeconds:0} s")} | {m.PagesPerSecond:0.0} | {m.Statistics.Errors} | {m.LoadBefore:0} -> {m.LoadAfter:0} | {all.P50:0} / {all.P95:0} / {all.P99:0} | {string.Join(" | ", pages)} |");
        }
        text.AppendLine();
        text.AppendLine(c, $"\"too many clients\" logged: {TooManyClients.Count} time(s)");
        foreach (var line in TooManyClients.Take(5)) text.AppendLine("  " + line.Trim());
        text.Append(Passed ? "PASSED" : "FAILED");
        return text.ToString();
    }
}
