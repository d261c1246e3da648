using Inspection.ServiceDefaults;

namespace Inspection.Admin.Hosting;

/// <summary>Creates the tracer provider as the host starts, so the first request is traced too; the host disposes (flushes) it.</summary>
internal sealed class TracingStart(Tracing tracing) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = tracing.Enabled;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
