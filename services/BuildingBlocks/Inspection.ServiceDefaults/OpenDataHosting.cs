using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Inspection.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;

namespace Inspection.ServiceDefaults;

/// <summary>
/// The national open data a host serves (issue 25): its open-data gRPC service also as HTTP JSON through gRPC JSON
/// transcoding (the routes of the proto's google.api.http options), answered on the HTTP/1.1 port too (the gRPC port
/// is HTTP/2 only), with the OpenAPI description at <c>/swagger/v1/swagger.json</c> on the HTTP port; each RPC the
/// RPC policy gives a <c>rateLimit</c> is limited per client address, whoever calls (a fixed window of
/// <c>OpenData:PermitsPerMinute</c>, 60 by default): HTTP 429 with Retry-After, or RESOURCE_EXHAUSTED over gRPC.
/// Behind a proxy (Kubernetes' ingress) every caller's address is the proxy's, so the caller's own is read from
/// X-Forwarded-For, but only when the proxy is in <c>ForwardedHeaders:KnownNetworks</c> (CIDRs, comma-separated):
/// from anyone else the header is ignored, or a caller could name a new address on every call and escape its limit.
/// </summary>
public static class OpenDataHosting
{
    /// <summary>The rate-limit policy rpc-policy.json names for the open data.</summary>
    public const string RateLimitPolicy = "open-data";

    public const string DescriptionPath = "/swagger/v1/swagger.json";

    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder, string title, string description)
    {
        new GrpcServerServices(builder.Services).AddJsonTranscoding();
        builder.Services.AddGrpcSwagger();
        // Both register grpc-dotnet's server again (AddGrpc), which brings back its own method binding beside the
        // service defaults' one (InvalidArgumentOnParseFailure): that binding is taken out again, so bad bytes stay
        // INVALID_ARGUMENT.
        foreach (var other in builder.Services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
                     && d.ImplementationType != typeof(InvalidArgumentOnParseFailure<>)
                     && d.ImplementationType?.Name.StartsWith("JsonTranscodingServiceMethodProvider", StringComparison.Ordinal) != true).ToList())
            builder.Services.Remove(other);
        builder.Services.AddSwaggerGen(swagger => swagger.SwaggerDoc("v1", new OpenApiInfo { Title = title, Version = "v1", Description = description }));

        // Parsed here, so a mistyped network stops the host at start rather than failing its first call.
        var proxies = (builder.Configuration["ForwardedHeaders:KnownNetworks"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(network => System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network (CIDR, e.g. 10.0.0.0/8)"))
            .ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.ForwardLimit = 1;   // the address the ingress saw, not what the caller wrote before it
            // Not the framework's default (loopback trusted): only the networks named here.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var network in proxies) forwarded.KnownIPNetworks.Add(network);
        });

        var permits = builder.Configuration.GetValue("OpenData:PermitsPerMinute", 60);
        var window = TimeSpan.FromMinutes(1);
        builder.Services.AddRateLimiter(limiter =>
        {
            // The limit is for anonymous readers. A caller with a token (the admin printing a report, an integrator) is
            // known and held by the connection budget instead: limited by address, the admin's pages would lose their
            // charts to its own traffic.
            limiter.AddPolicy(RateLimitPolicy, http => http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var response = context.HttpContext.Response;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response.Headers.RetryAfter = seconds;
                if (context.HttpContext.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
                {
                    // gRPC reads a refusal from the status, not from HTTP 429 (which clients report as UNAVAILABLE).
                    response.StatusCode = StatusCodes.Status200OK;
                    response.ContentType = "application/grpc";
                    response.Headers["grpc-status"] = ((int)StatusCode.ResourceExhausted).ToString(CultureInfo.InvariantCulture);
                    response.Headers["grpc-message"] = GrpcMessageEncoding.Encode(
                        $"the open data answers {permits} calls a minute from one address; try again in {seconds} s");
                }
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>Maps the open-data service with the rate limits of rpc-policy.json, and its OpenAPI description.</summary>
    public static WebApplication MapOpenData<TService>(this WebApplication app) where TService : class
    {
        var policy = app.Services.GetRequiredService<RpcPolicy>();
        var identity = app.Services.GetRequiredService<AppIdentity>();
        // Only where a proxy is named: with no known network the middleware would take the header from anyone.
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value.KnownIPNetworks.Count > 0)
            app.UseForwardedHeaders();
        app.UseRateLimiter();
        app.MapGrpcService<TService>().Add(endpoint =>
        {
            // Both the gRPC endpoint and its transcoded HTTP route carry the method: both are limited alike.
            var method = endpoint.Metadata.OfType<GrpcMethodMetadata>().FirstOrDefault()?.Method.FullName.TrimStart('/');
            if (method is not null && policy.RuleFor(method)?.RateLimit is { } limit)
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(limit));
        });
        app.MapSwagger().RequireHost($"*:{identity.HttpPort}").AllowAnonymous();
        return app;
    }

    private sealed class GrpcServerServices(IServiceCollection services) : IGrpcServerBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
