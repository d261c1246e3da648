using Microsoft.Extensions.Hosting;

namespace Inspection.ServiceDefaults;

/// <summary>Creates the tracer provider when the host starts, so the first request is traced too.</summary>
internal sealed class TracingStarter(Tracing tracing) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = tracing.Enabled;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
