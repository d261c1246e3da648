using System.Text;
using Inspection.Admin.Accounts;

namespace Inspection.Admin.Hosting;

/// <summary>
/// POST /connect/token: the OAuth 2.0 client credentials grant (RFC 6749 section 4.4) for registered integrators.
/// The client authenticates with HTTP Basic or client_id/client_secret in the form; the answer is a bearer token for
/// the services' gRPC APIs. No cookie, no antiforgery: it is an API for machines, not a page.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpContext http, IntegratorRegistration integrators, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType) return Error(400, "invalid_request", "send application/x-www-form-urlencoded");
        var form = await http.Request.ReadFormAsync(ct);
        if (form["grant_type"] != "client_credentials") return Error(400, "unsupported_grant_type", "only client_credentials is supported");

        var (clientId, secret) = ClientFrom(http.Request, form);
        if (clientId is null || secret is null) return Error(401, "invalid_client", "client authentication failed", basicChallenge: true);

        var outcome = await integrators.IssueTokenAsync(clientId, secret, form["scope"], ct);
        return outcome.Error switch
        {
            null => Results.Json(new
            {
                access_token = outcome.Token,
                token_type = "Bearer",
                expires_in = (int)IntegratorRegistration.TokenLifetime.TotalSeconds,
                scope = string.Join(' ', outcome.Scopes),
            }),
            "invalid_client" => Error(401, "invalid_client", "client authentication failed", basicChallenge: true),
            var error => Error(400, error, "a requested scope was not granted to this client"),
        };
    }

    private static (string? ClientId, string? Secret) ClientFrom(HttpRequest request, IFormCollection form)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var colon = decoded.IndexOf(':');
                if (colon > 0) return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
            }
            catch (FormatException)
            {
            }
            return (null, null);
        }
        var id = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        return (id.Length > 0 ? id : null, secret.Length > 0 ? secret : null);
    }

    private static IResult Error(int status, string error, string description, bool basicChallenge = false) =>
        new ErrorResult(status, error, description, basicChallenge);

    private sealed class ErrorResult(int status, string error, string description, bool basicChallenge) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            if (basicChallenge) http.Response.Headers.WWWAuthenticate = "Basic realm=\"inspection\"";
            return http.Response.WriteAsJsonAsync(new { error, error_description = description });
        }
    }
}
