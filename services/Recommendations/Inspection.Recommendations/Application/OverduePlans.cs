using Inspection.ServiceDefaults;

namespace Inspection.Recommendations.Application;

/// <summary>
/// inspection.improvement_plan.overdue: published inspections whose improvement plan is past due and not received, one
/// number for the system. Every replica counts it from the shared database once a minute (a single indexed count), so
/// every replica reports the same value and the rules and dashboards take max() over replicas: no leader to elect, and
/// the number is still reported while any one replica is up. Nothing is reported while the database is away (a stale
/// number would look like a fact), so the series goes absent instead.
/// </summary>
public sealed class OverduePlans(ReminderStore reminders, DatabaseReadiness readiness, TimeProvider clock, ProductMetrics metrics,
    IConfiguration configuration, ILogger<OverduePlans> logger) : BackgroundService
{
    public const string GaugeName = "inspection.improvement_plan.overdue";
    private long _count = -1;   // -1: not known

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.ObserveSystemGauge(GaugeName, "{plan}", "Improvement plans past due and not received (the same on every replica: take max)",
            () => Interlocked.Read(ref _count) is var n and >= 0 ? n : null);
        await readiness.WaitUntilReadyAsync(stoppingToken);
        using var timer = new PeriodicTimer(configuration.GetValue("Metrics:OverduePlansEvery", TimeSpan.FromMinutes(1)), clock);
        do
        {
            try
            {
                Interlocked.Exchange(ref _count, await reminders.CountOverduePlansAsync(EnglandCalendar.Today(clock), stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Exchange(ref _count, -1);
                logger.LogWarning(e, "Counting overdue improvement plans failed; the gauge is absent until the next count");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
