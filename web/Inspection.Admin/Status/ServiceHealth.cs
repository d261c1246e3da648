using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.Core;
using Inspection.Admin.Hosting;
using Inspection.ServiceDefaults;

namespace Inspection.Admin.Status;

/// <summary>
/// Asks each service in deploy/services.json for its standard grpc.health.v1 status, through the same channel
/// the admin's typed clients use (the client factory), all at once with a short deadline.
/// </summary>
public sealed class ServiceHealth(ServiceChannels channels)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public static IReadOnlyList<AppEndpoint> Services => AppTopology.All.Where(a => a.GrpcPort is not null).ToList();

    public static string NameOf(string appId) => ServiceNames.Of(appId);

    public async Task<IReadOnlyList<ServiceStatus>> CheckAllAsync(CancellationToken ct) =>
        await Task.WhenAll(Services.Select(s => CheckAsync(s.AppId, ct)));

    public async Task<ServiceStatus> CheckAsync(string appId, CancellationToken ct)
    {
        var address = channels.UnderDapr ? $"{channels.AddressOf(appId)} (Dapr app id {appId})" : channels.AddressOf(appId);
        var clock = Stopwatch.StartNew();
        try
        {
            var reply = await channels.Health(appId).CheckAsync(new HealthCheckRequest(), new CallOptions(deadline: GrpcDeadlines.After(Deadline), cancellationToken: ct));
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
