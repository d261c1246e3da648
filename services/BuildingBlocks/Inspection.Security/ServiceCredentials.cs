namespace Inspection.Security;

/// <summary>A service's outgoing calls carry its own token (renewed by the issuer before it expires).</summary>
public sealed class ServiceCredentials(TokenIssuer issuer) : IOutgoingCredentials
{
    public string AuthorizationHeader() => "Bearer " + issuer.ForService();
}
