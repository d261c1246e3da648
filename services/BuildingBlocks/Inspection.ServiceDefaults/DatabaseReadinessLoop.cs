using Inspection.Data;
using Microsoft.Extensions.Hosting;

namespace Inspection.ServiceDefaults;

/// <summary>Runs the database readiness loop for the life of the host (health reads it through DatabaseHealthCheck).</summary>
internal sealed class DatabaseReadinessLoop(DatabaseReadiness readiness, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.RunAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            // An edited migration or similar: retrying cannot fix it, so stop the host loudly (the exception is logged by the host).
            lifetime.StopApplication();
            throw;
        }
    }
}
