namespace Inspection.Security;

/// <summary>The claim names and fixed values of Inspection's tokens.</summary>
public static class TokenClaims
{
    /// <summary>Every token is for the Inspection services; a token minted for anything else is refused.</summary>
    public const string Audience = "inspection";

    /// <summary>The only issuer that may vouch for members of staff and integrators: the admin, where they sign in.</summary>
    public const string IdentityIssuer = "admin";

    public const string Kind = "kind";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string Name = "name";

    /// <summary>The one provider an integrator is registered for (an addressee's own system, issue 23); absent otherwise.</summary>
    public const string Provider = "provider_id";
}
