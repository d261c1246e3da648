using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Configuration;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Spreading calls over an app's replicas, for addresses a resolver expands: <c>dns:///name:port</c> (in Kubernetes
/// without Dapr, a headless Service's name, whose DNS answers every ready pod) or <c>static:///app-id</c> (the
/// addresses listed in Services:&lt;app-id&gt;:Replicas, "host:port,host:port"). Such a channel opens a connection to
/// each address and sends calls round robin over the ready ones, so a replica that dies is left out and a retry goes to
/// another. An http(s) address (one Kubernetes Service address, or the Dapr sidecar, which balances itself) is left as
/// it is.
/// </summary>
public static class ReplicaBalancing
{
    public static bool Resolves(Uri address) => address.Scheme is "dns" or "static";

    /// <summary>Round robin beside the retry policy, and plain-text HTTP/2 (a resolver's address carries no scheme to say so).</summary>
    public static void Configure(GrpcChannelOptions channel, Uri address)
    {
        if (!Resolves(address)) return;
        channel.Credentials = ChannelCredentials.Insecure;
        channel.ServiceConfig ??= new ServiceConfig();
        channel.ServiceConfig.LoadBalancingConfigs.Add(new RoundRobinConfig());
    }

    /// <summary>The <c>static</c> scheme's resolver, reading the replicas of <c>static:///app-id</c> from configuration.</summary>
    public sealed class ConfiguredReplicas(IConfiguration configuration) : ResolverFactory
    {
        private readonly StaticResolverFactory _inner = new(address =>
        {
            var appId = address.AbsolutePath.Trim('/');
            var listed = configuration[$"Services:{appId}:Replicas"]
                         ?? throw new InvalidOperationException($"static:///{appId} needs Services:{appId}:Replicas (host:port,host:port)");
            return [.. listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];
        });

        public override string Name => _inner.Name;

        public override Resolver Create(ResolverOptions options) => _inner.Create(options);

        private static BalancerAddress Parse(string hostAndPort)
        {
            var colon = hostAndPort.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(hostAndPort[(colon + 1)..], out var port))
                throw new InvalidOperationException($"'{hostAndPort}' is not host:port");
            return new BalancerAddress(hostAndPort[..colon], port);
        }
    }
}
