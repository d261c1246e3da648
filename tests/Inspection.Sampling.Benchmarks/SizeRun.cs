using System.Diagnostics;
using Inspection.Data;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Tests;
using Npgsql;

namespace Inspection.Sampling.Benchmarks;

/// <summary>
/// One population size, measured in a process of its own so its peak memory is its own: import in batches
/// through the workflow (validation, binary COPY, completion with the digest), then draws through the workflow
/// (load by binary COPY, the domain draw, store) - the first cold, then warm ones.
/// </summary>
public static class SizeRun
{
    public const int BatchSize = 10_000;
    public const int WarmDraws = 3;

    public static async Task<int> RunAsync(int size, string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Migrator.ApplyAsync(dataSource, typeof(SamplingStore).Assembly, CancellationToken.None);
        var store = new SamplingStore(new Database(dataSource));
        var workflow = new SamplingWorkflow(store, new AnyInspection(), TimeProvider.System, new PopulationCache(PopulationCache.DefaultCapacity));
        var ct = CancellationToken.None;

        var rows = GeneratedCaseload.Create(size, seed: 2026).Select(c => new CaseRow(c.CaseReference, c.SentenceType,
            IsoDate.Print(c.StartDate), c.Gender, c.EthnicGroup, c.Disability, c.RoshLevel, c.MappaLevel, c.ProlificPriorityOffender,
            c.ApprovedPremisesResident, c.StatutoryVictimContact, c.UnpaidWorkRequirement, c.UnpaidWorkOnly, c.CourtReportType,
            c.AllocatedOffice, c.AllocatedTeam)).ToList();

        using var self = Process.GetCurrentProcess();
        var importCpu = self.TotalProcessorTime;
        var import = Stopwatch.StartNew();
        var snapshot = await workflow.StartImportAsync($"bench-{size}", "bench", $"pdu-{size}", "2022-05-01", "benchmark", ct);
        for (var i = 0; i < rows.Count; i += BatchSize)
        {
            await workflow.ImportAsync(snapshot.SnapshotId.ToString(), rows.GetRange(i, Math.Min(BatchSize, rows.Count - i)), i + 2, ct);
        }
        var complete = await workflow.CompleteImportAsync(snapshot.SnapshotId.ToString(), size, ct);
        import.Stop();
        self.Refresh();
        importCpu = self.TotalProcessorTime - importCpu;
        rows = null;
        GC.Collect();

        // Warm draws: the running host that completed the snapshot keeps its cases in memory (complete snapshots never change).
        // Every case eligible (the heaviest draw): 95% / 5 points, stratified by gender, sentence type and risk level.
        DrawRequest Request(int run) => new($"bench-draw-{size}-{run}", "inspection-bench", snapshot.SnapshotId.ToString(),
            [new WindowText("2021-06-01", "2021-12-31")], [], SizeRule.For(new SizeForConfidence(95, 5)),
            ["gender", "sentence_type", "rosh_level"], [], null, (ulong)(1000 + run), 0, "benchmark");

        // Cold: as after a restart of the host, nothing in memory: the draw loads the snapshot from PostgreSQL.
        var restarted = new SamplingWorkflow(store, new AnyInspection(), TimeProvider.System, new PopulationCache(PopulationCache.DefaultCapacity));
        var cold = Stopwatch.StartNew();
        var sample = await restarted.DrawAsync(Request(0), "bench-0", ct);
        cold.Stop();
        restarted = null;
        GC.Collect();
        var warm = new List<(double Wall, double Cpu)>();
        for (var run = 1; run <= WarmDraws; run++)
        {
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await workflow.DrawAsync(Request(run), $"bench-{run}", ct);
            watch.Stop();
            self.Refresh();
            warm.Add((watch.Elapsed.TotalSeconds, (self.TotalProcessorTime - cpu).TotalSeconds));
        }
        var median = warm.OrderBy(w => w.Wall).ElementAt(warm.Count / 2);

        // Where a warm draw's time goes.
        var load = Stopwatch.StartNew();
        var population = await store.LoadPopulationAsync(snapshot.SnapshotId, ct);
        load.Stop();
        var domain = Stopwatch.StartNew();
        CaseSampler.Draw(population, DrawPlan.From(Request(99)));
        domain.Stop();

        self.Refresh();
        Console.WriteLine(string.Join('\t',
            "RESULT", size, complete.CaseCount, import.Elapsed.TotalSeconds, cold.Elapsed.TotalSeconds, median.Wall,
            load.Elapsed.TotalSeconds, domain.Elapsed.TotalSeconds, self.PeakWorkingSet64, sample.ActiveCases.Count(), sample.Strata.Count,
            importCpu.TotalSeconds, median.Cpu));
        return 0;
    }
}
