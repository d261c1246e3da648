using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IntegratorExamples;

/// <summary>
/// The token exchange (protos/README.md, "Credentials"): your system's client id and secret for a token, at the admin's
/// /connect/token (OAuth 2.0 client credentials). A token lasts 15 minutes; this asks for a new one a minute before it
/// runs out, so a long-running client never sends an expired one.
/// </summary>
public static class Token
{
    private static readonly HttpClient Http = new();
    private static readonly SemaphoreSlim Exchanging = new(1, 1);
    private static (string Token, DateTime RenewAt)? _issued;

    public static async Task<string> GetAsync()
    {
        await Exchanging.WaitAsync();
        try
        {
            if (_issued is { } issued && DateTime.UtcNow < issued.RenewAt) return issued.Token;
            var url = Environment.GetEnvironmentVariable("INSPECTION_TOKEN_URL") ?? "http://127.0.0.1:5000/connect/token";
            var id = Environment.GetEnvironmentVariable("INSPECTION_CLIENT_ID");
            var secret = Environment.GetEnvironmentVariable("INSPECTION_CLIENT_SECRET");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
                throw new InvalidOperationException("set INSPECTION_CLIENT_ID and INSPECTION_CLIENT_SECRET to your registration");
            var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
            if (Environment.GetEnvironmentVariable("INSPECTION_SCOPE") is { Length: > 0 } scope) form["scope"] = scope;
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(id) + ":" + Uri.EscapeDataString(secret))));
            using var reply = await Http.SendAsync(request);
            var body = await reply.Content.ReadAsStringAsync();
            if (!reply.IsSuccessStatusCode) throw new InvalidOperationException($"the token exchange was refused: {(int)reply.StatusCode} {body}");
            using var json = JsonDocument.Parse(body);
            var token = json.RootElement.GetProperty("access_token").GetString()!;
            _issued = (token, DateTime.UtcNow.AddSeconds(json.RootElement.GetProperty("expires_in").GetInt32() - 60));
            return token;
        }
        finally
        {
            Exchanging.Release();
        }
    }
}
