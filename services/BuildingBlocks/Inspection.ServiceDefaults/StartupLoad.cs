using Microsoft.Extensions.Hosting;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Work a host does once at start-up before it is ready (the demo data): the host reports NOT_SERVING until
/// <see cref="LoadAsync"/> has finished, and a failed load stops the host. The condition is registered before the host
/// starts, not in ExecuteAsync: since .NET 10 that runs on the thread pool, possibly after the first health answer.
/// </summary>
public abstract class StartupLoad(HealthState health) : BackgroundService
{
    private volatile bool _done;

    protected abstract Task LoadAsync(CancellationToken stoppingToken);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        health.AddCheck(() => _done);
        return base.StartAsync(cancellationToken);
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await LoadAsync(stoppingToken);
        _done = true;
    }
}
