using System.Diagnostics;

namespace Inspection.LoadAndFaults;

/// <summary>A fault the run caused: when (seconds into the load), what, and how long until everything served again.</summary>
public sealed record Fault(double AtSeconds, string What, double RecoveredAfterSeconds)
{
    /// <summary>The requests in the minute after the fault began: how many, how many failed (an unknown outcome), their p99.</summary>
    public FaultWindow MinuteAfter { get; init; } = new(0, 0, "", 0, 0);
}

/// <summary>
/// Every <see cref="RunOptions.FaultEvery"/> one fault, in turn: a service process killed with SIGKILL and started
/// again (assessment scoring first, then organisational evidence, case sampling, recommendation tracking), or PostgreSQL
/// restarted (fast shutdown). With replicas, one replica is killed with SIGKILL or stopped with SIGTERM, in turn (each
/// then started again), while the other serves; PostgreSQL is left alone. No fault starts in the last half interval, so
/// the last one has recovered before the end. With replicas a fault does not wait for the one before to recover: they
/// hit different services, each keeps a replica serving, and a replica's restart on a busy machine can outlast the load.
/// </summary>
public sealed class FaultSchedule(InspectionSystem system, RunOptions options)
{
    private static readonly string[] KillOrder =
        [ServiceTopology.AssessmentScoring, ServiceTopology.OrganisationalEvidence, ServiceTopology.CaseSampling, ServiceTopology.RecommendationTracking];

    private readonly List<Fault> _faults = [];

    public IReadOnlyList<Fault> Faults
    {
        get { lock (_faults) return [.. _faults.OrderBy(f => f.AtSeconds)]; }
    }

    /// <summary>Causes the faults until the load ends (<paramref name="ct"/>); returns once every fault begun has recovered.</summary>
    public async Task RunAsync(Stopwatch load, CancellationToken ct)
    {
        var kills = 0;
        var begun = new List<Task>();
        try
        {
            for (var k = 1; ; k++)
            {
                var at = options.FaultEvery * k;
                if (at > options.Duration - options.FaultEvery / 2) break;
                var wait = at - load.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                if (system.Replicas > 1)
                {
                    begun.Add(ReplicaFaultAsync(k, load));
                    continue;
                }
                var started = load.Elapsed;
                string what;
                if (k % 2 == 1)
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
                Record(new Fault(started.TotalSeconds, what, (load.Elapsed - started).TotalSeconds));
            }
        }
        finally
        {
            await Task.WhenAll(begun);
        }
    }

    private async Task ReplicaFaultAsync(int k, Stopwatch load)
    {
        var started = load.Elapsed;
        var target = KillOrder[(k - 1) % KillOrder.Length];
        var replica = (k - 1) / KillOrder.Length % system.Replicas;
        string what;
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
        Record(new Fault(started.TotalSeconds, what, (load.Elapsed - started).TotalSeconds));
    }

    private void Record(Fault fault)
    {
        lock (_faults) _faults.Add(fault);
    }
}
