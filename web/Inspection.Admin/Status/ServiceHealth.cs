using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.Core;
using Inspection.ServiceDefaults;

namespace Inspection.Admin.Status;

/// <summary>
/// Asks each service in deploy/services.json for its standard grpc.health.v1 status, through the same channel
/// the admin's typed clients use (GrpcClientFactory), all at once with a short deadline.
/// </summary>
public sealed class ServiceHealth(GrpcClientFactory channels)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public static IReadOnlyList<AppEndpoint> Services => AppTopology.All.Where(a => a.GrpcPort is not null).ToList();

    public static string NameOf(string appId) => ServiceNames.Of(appId);

    public async Task<IReadOnlyList<ServiceStatus>> CheckAllAsync(CancellationToken ct) =>
        await Task.WhenAll(Services.Select(s => CheckAsync(s.AppId, ct)));

    public async Task<ServiceStatus> CheckAsync(string appId, CancellationToken ct)
    {
        var channel = channels.ChannelFor(appId);
        var address = channel.Options.DaprAppId is { } viaDapr ? $"{channel.Options.Address} (Dapr app id {viaDapr})" : channel.Options.Address.ToString().TrimEnd('/');
        var clock = Stopwatch.StartNew();
        try
        {
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), new CallOptions(deadline: DateTime.UtcNow + Deadline, cancellationToken: ct));
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? new ServiceStatus(appId, NameOf(appId), address, ServiceState.Serving, "Serving", clock.Elapsed)
                : new ServiceStatus(appId, NameOf(appId), address, ServiceState.NotServing, $"Reports {reply.Status}", clock.Elapsed);
        }
        catch (RpcException e)
        {
            return new ServiceStatus(appId, NameOf(appId), address, ServiceState.Unreachable, $"{e.StatusCode}: {e.Status.Detail}", clock.Elapsed);
        }
    }
}
