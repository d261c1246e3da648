using Inspection.Domain.Dates;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inspection.Data;
using Inspection.Sampling.Application;
using Inspection.Sampling.Data;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Tests;
using Npgsql;
using Inspection.Sampling.Domain.Drawing;
using Inspection.Sampling.Domain.Eligibility;
using Inspection.Sampling.Domain.Sizing;

namespace Inspection.Sampling.Benchmarks;

/// <summary>
/// One population size, in two processes of its own so each peak memory is its own:
/// <list type="bullet">
/// <item><see cref="ImportAsync"/>: import in batches through the use cases (validation, binary COPY, completion with
///   the digest and the snapshot image), then warm draws by the same host, which kept the cases it completed.</item>
/// <item><see cref="RestartAsync"/>: a host that has just started (migrations applied, nothing in memory): its first
///   draw loads the snapshot from PostgreSQL (cold), then one more (warm).</item>
/// </list>
/// Every draw is the heaviest kind: every case eligible, 95% / 5 points, stratified by gender, sentence type and
/// risk of harm. Each process prints one tab-separated line for the parent.
/// </summary>
public static class SizeRun
{
    public const int BatchSize = 10_000;
    public const int WarmDraws = 3;
    public const ulong ComparedSeed = 1001;

    public static DrawRequest Request(int size, string snapshotId, string run, ulong seed) => new($"bench-draw-{size}-{run}", "inspection-bench", snapshotId,
        [new WindowText("2021-06-01", "2021-12-31")], [], SizeRule.For(new SizeForConfidence(95, 5)),
        ["gender", "sentence_type", "rosh_level"], [], null, seed, 0, "benchmark");

    public static async Task<int> ImportAsync(int size, string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Migrator.ApplyAsync(dataSource, typeof(SnapshotStore).Assembly, CancellationToken.None);
        var database = new Database(dataSource);
        var store = new SnapshotStore(database);
        var sampleStore = new SampleStore(database);
        var ledger = new RequestLedger(database);
        var cache = new PopulationCache(PopulationCache.DefaultCapacity);
        var snapshots = new PopulationSnapshots(store, ledger, TimeProvider.System, cache, RegisteredProviders.Every); // the benchmark measures the store, not the register
        var samples = new Samples(sampleStore, store, ledger, new AnyInspection(), TimeProvider.System, cache);
        var ct = CancellationToken.None;

        var rows = GeneratedCaseload.Create(size, seed: 2026).Select(c => new CaseRow(c.CaseReference, c.SentenceType,
            CalendarDate.ToText(c.StartDate), c.Gender, c.EthnicGroup, c.Disability, c.RoshLevel, c.MappaLevel, c.ProlificPriorityOffender,
            c.ApprovedPremisesResident, c.StatutoryVictimContact, c.UnpaidWorkRequirement, c.UnpaidWorkOnly, c.CourtReportType,
            c.AllocatedOffice, c.AllocatedTeam)).ToList();

        var importCpu = Cpu();
        var import = Stopwatch.StartNew();
        var snapshot = await snapshots.StartImportAsync($"bench-{size}", "bench", Guid.NewGuid().ToString(), "2022-05-01", "benchmark", ct);
        for (var i = 0; i < rows.Count; i += BatchSize)
        {
            await snapshots.ImportAsync(null, "", snapshot.SnapshotId.ToString(), rows.GetRange(i, Math.Min(BatchSize, rows.Count - i)), i + 2, ct);
        }
        var complete = Stopwatch.StartNew();
        var completed = await snapshots.CompleteImportAsync(null, "", snapshot.SnapshotId.ToString(), size, ct);
        complete.Stop();
        import.Stop();
        importCpu = Cpu() - importCpu;
        rows = null;
        GC.Collect();

        // Warm draws: the host that completed the snapshot keeps its cases in memory (complete snapshots never change).
        var id = snapshot.SnapshotId.ToString();
        var pausesBefore = GC.GetTotalPauseDuration();
        var warm = new List<(double Wall, double Cpu)>();
        string fingerprint = "";
        for (var run = 1; run <= WarmDraws; run++)
        {
            var cpu = Cpu();
            var watch = Stopwatch.StartNew();
            var sample = await samples.DrawAsync(Request(size, id, $"warm-{run}", ComparedSeed + (ulong)run - 1), $"warm-{run}", ct);
            watch.Stop();
            warm.Add((watch.Elapsed.TotalSeconds, (Cpu() - cpu).TotalSeconds));
            if (run == 1) fingerprint = Fingerprint(sample);
        }
        var pauses = GC.GetTotalPauseDuration() - pausesBefore;
        var median = warm.OrderBy(w => w.Wall).ElementAt(warm.Count / 2);

        // The data's part of a cold draw, without the code's first-run compilation: a new empty cache in this process.
        var emptyCache = new Samples(sampleStore, store, ledger, new AnyInspection(), TimeProvider.System, new PopulationCache(PopulationCache.DefaultCapacity));
        var cacheCold = Stopwatch.StartNew();
        await emptyCache.DrawAsync(Request(size, id, "empty-cache", 2000), "empty-cache", ct);
        cacheCold.Stop();

        // Where a warm draw's time goes: the domain draw alone, over the cases in memory (best of three).
        var cases = await store.LoadCaseloadAsync(snapshot.SnapshotId, ct);
        var domain = Enumerable.Range(0, 3).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            CaseSampler.Draw(cases, DrawPlan.From(Request(size, id, "domain", 99)));
            return watch.Elapsed.TotalSeconds;
        }).Min();

        Console.WriteLine(string.Join('\t', "IMPORT", id, completed.CaseCount, Invariant(import.Elapsed.TotalSeconds), Invariant(importCpu.TotalSeconds),
            Invariant(complete.Elapsed.TotalSeconds), Invariant(median.Wall), Invariant(median.Cpu), Invariant(domain), Invariant(pauses.TotalSeconds),
            PeakWorkingSet(), fingerprint, Invariant(cacheCold.Elapsed.TotalSeconds)));
        return 0;
    }

    public static async Task<int> RestartAsync(int size, string snapshotId, string connectionString)
    {
        // As the host starts: its data source and migrations, nothing of the snapshot in memory.
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Migrator.ApplyAsync(dataSource, typeof(SnapshotStore).Assembly, CancellationToken.None);
        var database = new Database(dataSource);
        var store = new SnapshotStore(database);
        var sampleStore = new SampleStore(database);
        var samples = new Samples(sampleStore, store, new RequestLedger(database), new AnyInspection(), TimeProvider.System, new PopulationCache(PopulationCache.DefaultCapacity));
        var ct = CancellationToken.None;

        var cpu = Cpu();
        var cold = Stopwatch.StartNew();
        var sample = await samples.DrawAsync(Request(size, snapshotId, "cold", 1000), "cold", ct);
        cold.Stop();
        var coldCpu = (Cpu() - cpu).TotalSeconds;

        // The same seed as the importing host's first warm draw: the same cases must come out.
        var again = await samples.DrawAsync(Request(size, snapshotId, "after-restart", ComparedSeed), "after-restart", ct);

        // Where the cold draw's time goes: reading the snapshot (its image) from PostgreSQL, best of three.
        var load = Enumerable.Range(0, 3).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            store.LoadCaseloadAsync(Guid.Parse(snapshotId), ct).GetAwaiter().GetResult();
            return watch.Elapsed.TotalSeconds;
        }).Min();

        var peak = PeakWorkingSet();

        // For comparison, the way a snapshot without an image is read: its rows, by binary COPY (the image is dropped
        // from this throwaway database to measure it).
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var drop = new NpgsqlCommand($"delete from snapshot_images where snapshot_id = '{Guid.Parse(snapshotId):D}'", connection))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }
        var rows = Stopwatch.StartNew();
        await store.LoadCaseloadAsync(Guid.Parse(snapshotId), ct);
        rows.Stop();

        Console.WriteLine(string.Join('\t', "RESTART", Invariant(cold.Elapsed.TotalSeconds), Invariant(coldCpu), Invariant(load),
            peak, Fingerprint(again), sample.ActiveCases.Count(), sample.Strata.Count, Invariant(rows.Elapsed.TotalSeconds)));
        return 0;
    }

    /// <summary>The cases a draw chose and their positions, hashed: two hosts drawing with one seed must agree.</summary>
    private static string Fingerprint(StoredSample sample)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            sample.Cases.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Case.CaseReference}|{c.Stratum}|{c.Role}|{c.DrawPosition}"))))))[..16];

    private static TimeSpan Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
