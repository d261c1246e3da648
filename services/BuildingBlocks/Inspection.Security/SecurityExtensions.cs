using Inspection.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// The key ring (Auth:KeysDirectory), this app's token issuer and the token validator. Refuses to start without
    /// keys: there is no unauthenticated mode.
    /// </summary>
    public static IServiceCollection AddTokenKeys(this IServiceCollection services, IConfiguration configuration, string appId)
    {
        var directory = configuration["Auth:KeysDirectory"];
        if (string.IsNullOrEmpty(directory))
            throw new InvalidOperationException("Auth:KeysDirectory is not set: every gRPC call is authenticated (see README, Security)");
        var keys = new KeyRing(directory, appId);
        services.AddSingleton(keys);
        services.AddSingleton(sp => new TokenIssuer(keys, appId, sp.GetService<TimeProvider>()));
        services.AddSingleton(_ => new TokenValidator(keys));
        return services;
    }

    /// <summary>Authentication and authorisation of every incoming gRPC call: registered before any other interceptor.</summary>
    public static IServiceCollection AddCallAuthorisation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(RpcPolicy.Embedded);
        services.AddSingleton(AppApiToken.From(configuration["APP_API_TOKEN"]));
        services.AddSingleton<IServerCallInterceptor, CallAuthorisation>();
        return services;
    }

    /// <summary>Outgoing calls carry this service's token (and the Dapr API token when the sidecar wants one).</summary>
    public static IServiceCollection AddServiceCredentials(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IClientCallInterceptor, ServiceCredentials>();
        services.AddDaprApiToken(configuration);
        return services;
    }

    public static IServiceCollection AddDaprApiToken(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["DAPR_API_TOKEN"] is { Length: > 0 } token)
            services.AddSingleton<IClientCallInterceptor>(new DaprApiTokenCredentials(token));
        return services;
    }
}
