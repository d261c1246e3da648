using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inspection.ServiceDefaults;

/// <summary>
/// What a copy does on SIGTERM (a rolling update, a node drain, Ctrl-C), in order: it reports NOT_SERVING at once (this
/// health check: the gRPC health service and /health/ready) and keeps serving for the drain delay while the probes and
/// clients notice and send new calls to the other copies; then server streams end with UNAVAILABLE and a RetryInfo (the
/// client calls again, on another copy, from where it was); then Kestrel stops taking calls and finishes those in
/// flight, all within the host's shutdown timeout. The times come from deploy/services.json ("shutdown"), which the
/// Kubernetes probes and terminationGracePeriodSeconds are checked against; Shutdown:DrainDelay and Shutdown:Timeout
/// override them.
/// </summary>
public sealed class GracefulShutdown(IConfiguration configuration, ILogger<GracefulShutdown> logger) : IHostedLifecycleService, IHealthCheck
{
    private readonly CancellationTokenSource _streamsEnd = new();
    private volatile bool _stopping;

    public TimeSpan DrainDelay { get; } = configuration.GetValue<TimeSpan?>("Shutdown:DrainDelay") ?? ShutdownTimes.Declared.DrainDelay;

    /// <summary>SIGTERM has arrived: NOT_SERVING from now on.</summary>
    public bool Stopping => _stopping;

    /// <summary>Cancelled when the drain delay is over: server streams end then, with a status the client resumes from.</summary>
    public CancellationToken StreamsEnd => _streamsEnd.Token;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        logger.LogInformation("Stopping: NOT_SERVING now, still serving for {DrainDelay} while clients move away, then finishing the calls in flight", DrainDelay);
        try
        {
            await Task.Delay(DrainDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ran out during the drain: end the streams now.
        }
        await _streamsEnd.CancelAsync();
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_stopping ? HealthCheckResult.Unhealthy("stopping") : HealthCheckResult.Healthy());

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>deploy/services.json's "shutdown": the drain delay, the host's shutdown timeout and the pods' grace period.</summary>
public sealed record ShutdownTimes(TimeSpan DrainDelay, TimeSpan Timeout, TimeSpan TerminationGracePeriod)
{
    public static ShutdownTimes Declared { get; } = Read();

    private static ShutdownTimes Read()
    {
        using var stream = typeof(ShutdownTimes).Assembly.GetManifestResourceStream("services.json")
            ?? throw new InvalidOperationException("services.json is not embedded");
        using var document = JsonDocument.Parse(stream);
        var shutdown = document.RootElement.GetProperty("shutdown");
        return new(
            TimeSpan.FromSeconds(shutdown.GetProperty("drainDelaySeconds").GetDouble()),
            TimeSpan.FromSeconds(shutdown.GetProperty("timeoutSeconds").GetDouble()),
            TimeSpan.FromSeconds(shutdown.GetProperty("terminationGracePeriodSeconds").GetDouble()));
    }
}

public static class GracefulShutdownExtensions
{
    /// <summary>SIGTERM handling for a host: <see cref="GracefulShutdown"/> as a health check named "shutdown" and the host's shutdown timeout.</summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<GracefulShutdown>();
        services.AddHostedService(sp => sp.GetRequiredService<GracefulShutdown>());
        services.Configure<HostOptions>(host =>
            host.ShutdownTimeout = configuration.GetValue<TimeSpan?>("Shutdown:Timeout") ?? ShutdownTimes.Declared.Timeout);
        services.AddHealthChecks().AddCheck<GracefulShutdown>("shutdown");
        return services;
    }
}
