using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inspection.Grpc;

/// <summary>
/// One channel (one pooled HttpClient) per target app. Under Dapr (DAPR_GRPC_PORT set) every target is the local
/// sidecar and the app id travels as dapr-app-id; otherwise the target's URL comes from Services:&lt;app-id&gt;:GrpcUrl.
/// </summary>
public sealed class GrpcClientFactory(IConfiguration configuration, IEnumerable<IClientCallInterceptor> interceptors) : IDisposable
{
    // Lazy: GetOrAdd may run its factory twice under a race, and the loser's HttpClient would never be disposed.
    private readonly ConcurrentDictionary<string, Lazy<GrpcChannel>> _channels = new();
    private readonly IReadOnlyList<IClientCallInterceptor> _interceptors = interceptors.ToList();

    public GrpcChannel ChannelFor(string appId) => _channels.GetOrAdd(appId, id => new Lazy<GrpcChannel>(() => Create(id))).Value;

    private GrpcChannel Create(string id)
    {
        var daprPort = configuration["DAPR_GRPC_PORT"];
        if (!string.IsNullOrEmpty(daprPort))
            return GrpcChannel.ForAddress($"http://127.0.0.1:{daprPort}", new GrpcChannelOptions
            {
                Address = new Uri($"http://127.0.0.1:{daprPort}"), DaprAppId = id, Interceptors = _interceptors,
            });
        var url = configuration[$"Services:{id}:GrpcUrl"]
            ?? throw new InvalidOperationException($"No address for '{id}': set Services:{id}:GrpcUrl (or run under Dapr with DAPR_GRPC_PORT)");
        return GrpcChannel.ForAddress(url, new GrpcChannelOptions { Address = new Uri(url), Interceptors = _interceptors });
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
            if (channel.IsValueCreated) channel.Value.Dispose();
    }
}

public static class GrpcClientExtensions
{
    /// <summary>Registers a generated typed client for the app with this Dapr app id.</summary>
    public static IServiceCollection AddGrpcClient<TClient>(this IServiceCollection services, string appId) where TClient : class
    {
        services.TryAddSingleton<GrpcClientFactory>();
        services.AddSingleton(sp => (TClient)Activator.CreateInstance(typeof(TClient), sp.GetRequiredService<GrpcClientFactory>().ChannelFor(appId))!);
        return services;
    }
}
