using System.Text;

namespace Inspection.Security;

/// <summary>
/// Dapr's app API token (APP_API_TOKEN), which the sidecar sends as dapr-api-token on every call it forwards to this
/// app; null when not running under a sidecar that is configured with one.
/// </summary>
public sealed record AppApiToken(byte[]? Expected)
{
    public static AppApiToken From(string? value) => new(string.IsNullOrEmpty(value) ? null : Encoding.UTF8.GetBytes(value));
}
