using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

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

    /// <summary>
    /// Authentication and authorisation of every incoming gRPC call, in ASP.NET Core's middleware, before the request
    /// is read: the JwtBearer handler validates the bearer token against the key ring, and the fallback policy (deny
    /// by default) checks the RPC policy; a refusal is answered UNAUTHENTICATED or PERMISSION_DENIED with the reason.
    /// </summary>
    public static IServiceCollection AddCallAuthorisation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(RpcPolicy.Embedded);
        services.AddSingleton(AppApiToken.From(configuration["APP_API_TOKEN"]));
        services.AddSingleton<ServedRpcs>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenValidator, IServiceProvider>((options, validator, sp) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = validator.Parameters;
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new CachingTokenHandler(sp.GetService<TimeProvider>() ?? TimeProvider.System));
                options.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = context =>
                    {
                        context.HttpContext.Items[RpcAuthorisation.FailureItem] = TokenValidator.Describe(context.Exception);
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        try
                        {
                            validator.CallerOf((JsonWebToken)context.SecurityToken).AttachTo(context.HttpContext);
                        }
                        catch (RpcException refused)
                        {
                            context.HttpContext.Items[RpcAuthorisation.FailureItem] = refused.Status.Detail;
                            context.Fail(refused.Status.Detail);
                        }
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddSingleton<IAuthorizationHandler, RpcAuthorisation>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcRefusalResponder>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new RpcPolicyRequirement()).Build());
        return services;
    }

    /// <summary>Outgoing calls carry this service's own token.</summary>
    public static IServiceCollection AddServiceCredentials(this IServiceCollection services)
    {
        services.AddSingleton<IOutgoingCredentials, ServiceCredentials>();
        return services;
    }
}
