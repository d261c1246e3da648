using Inspection.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace Inspection.Grpc.Tests;

/// <summary>
/// A host that loads something at start-up (the demo data) is not ready from the moment it starts until the load has
/// finished: the condition is in place when StartAsync returns, whenever the thread pool runs the load.
/// </summary>
public sealed class StartupLoadTests
{
    [Fact]
    public async Task The_host_is_not_ready_from_its_start_until_the_load_has_finished()
    {
        var health = new HealthState();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var load = new HeldLoad(health, release.Task);
        Assert.Equal(HealthStatus.Healthy, await StatusAsync(health));   // nothing to wait for before the host starts it

        await load.StartAsync(CancellationToken.None);
        Assert.Equal(HealthStatus.Unhealthy, await StatusAsync(health));

        release.SetResult();
        await load.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HealthStatus.Healthy, await StatusAsync(health));
        await load.StopAsync(CancellationToken.None);
    }

    private static async Task<HealthStatus> StatusAsync(HealthState health) => (await health.CheckHealthAsync(new HealthCheckContext())).Status;

    private sealed class HeldLoad(HealthState health, Task release) : StartupLoad(health)
    {
        protected override Task LoadAsync(CancellationToken stoppingToken) => release.WaitAsync(stoppingToken);
    }
}
