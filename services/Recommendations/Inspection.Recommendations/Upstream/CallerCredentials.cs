using Inspection.Security;

namespace Inspection.Recommendations.Upstream;

/// <summary>
/// This service's outgoing credential: its own token, except inside <see cref="ActingFor"/>, where a call carries the
/// token of the person whose request is being served. Publication uses it to have assessment scoring store the
/// published figures: a write, which the RPC policy opens only to staff (no service writes to another's data), made
/// for and recorded against the person publishing.
/// </summary>
public sealed class CallerCredentials(TokenIssuer issuer) : IOutgoingCredentials
{
    private static readonly AsyncLocal<string?> Forwarded = new();

    public string AuthorizationHeader() => Forwarded.Value ?? "Bearer " + issuer.ForService();

    /// <summary>Until disposed, calls made from this flow carry <paramref name="authorizationHeader"/> (the caller's own
    /// "Bearer ..." header, already validated by this host).</summary>
    public static IDisposable ActingFor(string authorizationHeader)
    {
        var previous = Forwarded.Value;
        Forwarded.Value = authorizationHeader;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Forwarded.Value = previous;
    }
}
