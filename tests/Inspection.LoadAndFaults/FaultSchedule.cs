using System.Diagnostics;

namespace Inspection.LoadAndFaults;

/// <summary>A fault the run caused: when (seconds into the load), what, and how long until everything served again.</summary>
public sealed record Fault(double AtSeconds, string What, double RecoveredAfterSeconds)
{
    /// <summary>The requests in the minute after the fault began: how many, how many failed (an unknown outcome), their p99.</summary>
    public (long Requests, long Failed, double P99) MinuteAfter { get; init; }
}

/// <summary>
/// Every <see cref="RunOptions.FaultEvery"/> one fault, in turn: a service process killed with SIGKILL and started
/// again (assessment scoring first, then organisational evidence, case sampling, recommendation tracking), or PostgreSQL
/// restarted (fast shutdown). With replicas, one replica is killed with SIGKILL or stopped with SIGTERM, in turn (each
/// then started again), while the other serves; PostgreSQL is left alone. No fault starts in the last half interval, so
/// the last one has recovered before the end.
/// </summary>
public sealed class FaultSchedule(InspectionSystem system, RunOptions options)
{
    private static readonly string[] KillOrder =
        [ServiceTopology.AssessmentScoring, ServiceTopology.OrganisationalEvidence, ServiceTopology.CaseSampling, ServiceTopology.RecommendationTracking];

    public List<Fault> Faults { get; } = [];

    public async Task RunAsync(Stopwatch load, CancellationToken ct)
    {
        var kills = 0;
        for (var k = 1; ; k++)
        {
            var at = options.FaultEvery * k;
            if (at > options.Duration - options.FaultEvery / 2) return;
            var wait = at - load.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            var started = load.Elapsed;
            string what;
            if (system.Replicas > 1)
            {
                var target = KillOrder[(k - 1) % KillOrder.Length];
                var replica = (k - 1) / KillOrder.Length % system.Replicas;
                if (k % 2 == 1)
                {
                    what = $"SIGKILL {InspectionSystem.ReplicaName(target, replica)}";
                    await system.KillAndRestartAsync(target, options.Downtime, replica);
                }
                else
                {
                    what = $"SIGTERM {InspectionSystem.ReplicaName(target, replica)}";
                    await system.StopAndRestartAsync(target, options.Downtime, replica);
                }
            }
            else if (k % 2 == 1)
            {
                var target = KillOrder[kills++ % KillOrder.Length];
                what = $"SIGKILL {target}";
                await system.KillAndRestartAsync(target, options.Downtime);
            }
            else
            {
                what = "PostgreSQL restart (fast)";
                await system.RestartPostgresAsync(options.Downtime);
            }
            await system.WaitUntilServingAsync();
            Faults.Add(new Fault(started.TotalSeconds, what, (load.Elapsed - started).TotalSeconds));
        }
    }
}
