using System.Globalization;
using System.Net;
using Inspection.Testing;

namespace Inspection.Security.Tests;

/// <summary>
/// The open data behind a proxy it trusts (Kubernetes' ingress; here the loopback network stands for it): each caller
/// is limited by the address the proxy saw (X-Forwarded-For), not all callers together by the proxy's own address.
/// </summary>
public sealed class OpenDataBehindProxyTests : IAsyncLifetime
{
    private const int Permits = 2;
    private ServiceTestHost<Program>? _host;

    public async Task InitializeAsync() =>
        _host = await ServiceTestHost<Program>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("security_proxy"),
            ["OpenData:PermitsPerMinute"] = Permits.ToString(CultureInfo.InvariantCulture),
            ["ForwardedHeaders:KnownNetworks"] = "127.0.0.0/8",
        });

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    [Fact]
    public async Task Each_caller_behind_the_proxy_has_a_limit_of_its_own()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_host!.HttpPort}") };
        async Task<HttpStatusCode> ReadAsync(string caller)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/open-data/v1/implementation-rates");
            request.Headers.Add("X-Forwarded-For", caller);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        // One caller spends its limit (within the minute, or within the next one if a window ends between two calls)...
        var first = new List<HttpStatusCode>();
        for (var i = 0; i <= 2 * Permits && !first.Contains(HttpStatusCode.TooManyRequests); i++) first.Add(await ReadAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, first[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);

        // ...and another caller through the same proxy is still served.
        Assert.Equal(HttpStatusCode.OK, await ReadAsync("198.51.100.20"));
    }
}
