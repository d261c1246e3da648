using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Inspection.Security;

/// <summary>Why a call was refused, as the gRPC status the caller gets: UNAUTHENTICATED or PERMISSION_DENIED with the reason.</summary>
public sealed class RpcRefusal(IAuthorizationHandler handler, StatusCode code, string message) : AuthorizationFailureReason(handler, message)
{
    public StatusCode Code { get; } = code;
}
