using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Inspection.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Inspection.Security;

/// <summary>
/// Answers a refused gRPC call as gRPC does, trailers-only (HTTP 200, grpc-status and grpc-message in the headers, no
/// body), instead of ASP.NET Core's HTTP 401/403, which gRPC clients would report as a transport failure. The
/// request body is never read, so a refused caller's message is never parsed and nothing is written.
/// </summary>
internal sealed class GrpcRefusalResponder : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !IsGrpc(context.Request))
            return _default.HandleAsync(next, context, policy, authorizeResult);

        var refusal = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<RpcRefusal>().FirstOrDefault()
            ?? context.Items[RpcAuthorisation.RefusalItem] as RpcRefusal;
        var code = refusal?.Code ?? (authorizeResult.Challenged ? StatusCode.Unauthenticated : StatusCode.PermissionDenied);
        var message = refusal?.Message ?? (code == StatusCode.Unauthenticated ? "the call is not authenticated" : "the call is not permitted");
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = GrpcMessageEncoding.Encode(message);
        context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(Details(code, message, refusal).ToByteArray());
        return Task.CompletedTask;
    }

    // google.rpc.Status restating the status, with the ErrorInfo every refusal carries (reason, what would open the call).
    private static Google.Rpc.Status Details(StatusCode code, string message, RpcRefusal? refusal)
    {
        var info = new Google.Rpc.ErrorInfo
        {
            Domain = RichErrors.Domain,
            Reason = refusal?.Reason ?? (code == StatusCode.Unauthenticated ? RefusalReasons.TokenMissing : RefusalReasons.NotPermitted),
        };
        if (refusal?.Needs is { } needs) info.Metadata["needs"] = needs;
        return new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}
