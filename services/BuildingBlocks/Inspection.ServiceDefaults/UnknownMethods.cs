using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Inspection.Contracts;
using Inspection.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inspection.ServiceDefaults;

/// <summary>
/// A call to a service or method this host does not serve: UNIMPLEMENTED, as grpc-dotnet answers it, but with what an
/// integrator needs to put it right, like every other refusal: the message names what the host does serve, and
/// google.rpc.ErrorInfo has the reason UNKNOWN_METHOD (grpc-dotnet's own answer carried no details, so it is told to
/// pass such calls on, IgnoreUnknownServices, and they end here). Anything else that matches no route stays 404.
/// </summary>
internal static class UnknownMethods
{
    public static void MapUnknownMethods(this WebApplication app) =>
        app.MapFallback(Answer).AllowAnonymous();

    private static Task Answer(HttpContext http)
    {
        if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        var app = http.RequestServices.GetRequiredService<AppIdentity>().AppId;
        var served = http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName)
            .OfType<string>().Where(s => !s.StartsWith("grpc.", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        var method = Clip(http.Request.Path.Value?.TrimStart('/') ?? "", 256);
        var message = $"{app} does not serve '{method}': it serves {string.Join(", ", served)} (and grpc.health.v1, server reflection)";
        var info = new ErrorInfo { Reason = RefusalReasons.UnknownMethod, Domain = RichErrors.Domain };
        info.Metadata["service"] = app;
        info.Metadata["method"] = method;
        var status = new Google.Rpc.Status { Code = (int)Grpc.Core.StatusCode.Unimplemented, Message = message, Details = { Any.Pack(info) } };

        // A trailers-only answer, as gRPC has it for a call refused before any message.
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/grpc";
        http.Response.Headers["grpc-status"] = ((int)Grpc.Core.StatusCode.Unimplemented).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["grpc-message"] = GrpcMessageEncoding.Encode(message);
        http.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        return Task.CompletedTask;
    }

    private static string Clip(string text, int most) => text.Length <= most ? text : text[..(most - 1)] + "\u2026";
}
