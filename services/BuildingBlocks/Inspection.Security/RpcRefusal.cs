using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Inspection.Security;

/// <summary>
/// Why a call was refused, as the gRPC status the caller gets: UNAUTHENTICATED or PERMISSION_DENIED with the reason,
/// its stable reason for programs (google.rpc.ErrorInfo, <see cref="Inspection.Contracts.RefusalReasons"/>) and, for
/// PERMISSION_DENIED, what would open the call.
/// </summary>
public sealed class RpcRefusal(IAuthorizationHandler handler, StatusCode code, string message, string reason, string? needs = null)
    : AuthorizationFailureReason(handler, message)
{
    public StatusCode Code { get; } = code;
    public string Reason { get; } = reason;
    public string? Needs { get; } = needs;
}
