using System.Threading.Channels;
using Grpc.Health.V1;
using Inspection.Grpc;

namespace Inspection.ServiceDefaults;

/// <summary>The standard grpc.health.v1.Health: "" is the whole host; each served gRPC service has the same status.</summary>
public sealed class HealthService(HealthState state, IGrpcServiceCatalog served) : Health.HealthBase
{
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (!Known(request.Service))
            throw new RpcException(StatusCode.NotFound, $"Unknown service '{request.Service}'");
        return Task.FromResult(new HealthCheckResponse { Status = Current() });
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        if (!Known(request.Service))
        {
            // Watch of an unknown service streams SERVICE_UNKNOWN rather than failing, as the protocol asks.
            await responseStream.WriteAsync(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.ServiceUnknown });
            await Task.Delay(Timeout.Infinite, context.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        var changes = Channel.CreateUnbounded<bool>();
        void OnChanged(bool serving) => changes.Writer.TryWrite(serving);
        state.Changed += OnChanged;
        try
        {
            var last = Current();
            await responseStream.WriteAsync(new HealthCheckResponse { Status = last });
            while (await changes.Reader.WaitToReadAsync(context.CancellationToken))
            {
                while (changes.Reader.TryRead(out _)) { }
                var now = Current();
                if (now == last) continue;
                last = now;
                await responseStream.WriteAsync(new HealthCheckResponse { Status = now });
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // the watcher went away or its deadline passed: the dispatcher reports the status
            throw;
        }
        finally
        {
            state.Changed -= OnChanged;
        }
    }

    private bool Known(string service) => service.Length == 0 || served.Serves(service);

    private HealthCheckResponse.Types.ServingStatus Current() => state.IsServing
        ? HealthCheckResponse.Types.ServingStatus.Serving
        : HealthCheckResponse.Types.ServingStatus.NotServing;
}
