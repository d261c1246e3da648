using Microsoft.AspNetCore.Authorization;

namespace Inspection.Security;

/// <summary>The fallback authorisation policy of every gRPC host: the call's RPC must be open to its caller (rpc-policy.json).</summary>
public sealed class RpcPolicyRequirement : IAuthorizationRequirement;
