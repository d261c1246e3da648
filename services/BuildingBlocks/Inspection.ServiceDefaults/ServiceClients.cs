using Dapr;
using Dapr.Client;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Grpc.Net.ClientFactory;
using Inspection.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Typed clients of another app, from Grpc.Net.ClientFactory, the one way to call another app: a call given no deadline
/// gets <see cref="DefaultCallDeadline"/> (Services:CallDeadline), a call made while serving a call inherits that call's
/// deadline when sooner, and its cancellation; a failed call raises <see cref="UpstreamException"/> naming the app, which
/// GrpcErrorInterceptor maps once (<see cref="UpstreamCalls"/>); methods the contract marks idempotent (idempotency_level) are retried on UNAVAILABLE by the gRPC
/// retry policy (a connection that failed before any response counts as UNAVAILABLE: ConnectionFailureClassifier);
/// every call carries this app's credential. Under Dapr (DAPR_GRPC_PORT or DAPR_GRPC_ENDPOINT set) the
/// channel goes to the sidecar and Dapr.Client's invocation interceptor adds dapr-app-id and DAPR_API_TOKEN; otherwise
/// it goes to Services:&lt;app-id&gt;:GrpcUrl, which may be a <c>dns:///</c> or <c>static:///</c> address balanced round robin
/// over the app's replicas (<see cref="ReplicaBalancing"/>); writes that carry a request id are retried too
/// (<see cref="RequestIdRetries"/>).
/// </summary>
public static class ServiceClients
{
    public const int MaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>How long a call to another app may take when the caller sets no deadline: past it, the app is too slow.</summary>
    public static readonly TimeSpan DefaultCallDeadline = TimeSpan.FromSeconds(10);

    /// <param name="name">The client's name in the factory; give one when the same client type reaches several apps.</param>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string appId, string? name = null)
        where TClient : ClientBase
    {
        var configuration = builder.Configuration;
        var underDapr = UnderDapr(configuration);
        var deadline = configuration.GetValue<TimeSpan?>("Services:CallDeadline") ?? DefaultCallDeadline;
        var client = builder.Services.AddGrpcClient<TClient>(name ?? typeof(TClient).Name, options =>
            {
                options.Address = new Uri(underDapr
                    ? DaprDefaults.GetDefaultGrpcEndpoint(configuration)
                    : configuration[$"Services:{appId}:GrpcUrl"]
                      ?? throw new InvalidOperationException($"No address for '{appId}': set Services:{appId}:GrpcUrl (or run under Dapr with DAPR_GRPC_PORT)"));
                options.ChannelOptionsActions.Add(channel =>
                {
                    channel.ServiceConfig = RetryPolicyFor(typeof(TClient));
                    ReplicaBalancing.Configure(channel, options.Address!);
                    channel.MaxReceiveMessageSize = MaxReceiveMessageSize;
                    // the credential is a bearer token over h2c on loopback or inside the mesh (Dapr's mTLS between hosts)
                    channel.UnsafeUseInsecureChannelCallCredentials = true;
                });
            })
            // first, so it sees the call as the caller made it (no deadline of its own) and every failure, retries spent
            .AddInterceptor(InterceptorScope.Client, _ => new UpstreamCalls(appId, deadline))
            .EnableCallContextPropagation(options => options.SuppressContextNotFoundErrors = true)
            .AddCallCredentials((_, metadata, services) =>
            {
                if (services.GetService<IOutgoingCredentials>()?.AuthorizationHeader() is { } header) metadata.Add("authorization", header);
                return Task.CompletedTask;
            });
        // inside UpstreamCalls: the deadline it sets bounds every attempt, and it names the failure left after them
        if (RequestIdRetries.For(typeof(TClient)) is { } writes) client.AddInterceptor(InterceptorScope.Client, _ => writes);
        builder.Services.TryAddEnumerable(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<Grpc.Net.Client.Balancer.ResolverFactory, ReplicaBalancing.ConfiguredReplicas>());
        client.AddHttpMessageHandler(() => new ConnectionFailureClassifier());
        if (underDapr)
            client.AddInterceptor(InterceptorScope.Channel, _ => new InvocationInterceptor(appId, DaprDefaults.GetDefaultDaprApiToken(configuration)));
        return client;
    }

    public static bool UnderDapr(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["DAPR_GRPC_PORT"]) || !string.IsNullOrEmpty(configuration["DAPR_GRPC_ENDPOINT"]);

    /// <summary>Retries on UNAVAILABLE for the methods the contract marks NO_SIDE_EFFECTS or IDEMPOTENT, never for others.</summary>
    public static ServiceConfig? RetryPolicyFor(Type clientType)
    {
        if (clientType.DeclaringType?.GetProperty("Descriptor")?.GetValue(null) is not Google.Protobuf.Reflection.ServiceDescriptor service) return null;
        var idempotent = service.Methods
            .Where(m => m.GetOptions()?.IdempotencyLevel is MethodOptions.Types.IdempotencyLevel.NoSideEffects or MethodOptions.Types.IdempotencyLevel.Idempotent)
            .ToList();
        if (idempotent.Count == 0) return null;
        var config = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = 4,
                InitialBackoff = TimeSpan.FromMilliseconds(100),
                MaxBackoff = TimeSpan.FromSeconds(2),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var method in idempotent) config.Names.Add(new MethodName { Service = service.FullName, Method = method.Name });
        return new ServiceConfig { MethodConfigs = { config } };
    }
}
