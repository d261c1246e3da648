using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Inspection.Testing;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// Sends exactly the bytes and headers a fuzz case says to a service process over HTTP/2 with prior knowledge (as
/// the gRPC layer's client does), with no gRPC client logic in between. Every raw request of this project goes
/// through <see cref="SendAsync"/>, which adds the process's credential (an Administrator's token), so each case
/// reaches the RPC's handler rather than stopping at authentication.
/// </summary>
public sealed class RawGrpc : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <param name="deadline">Sent as grpc-timeout unless the case sets its own; also how long the fuzzer reads a stream.</param>
    public async Task<RawGrpcOutcome> SendAsync(ServiceProcess target, string path, byte[] body, string? contentType,
        IReadOnlyList<(string Name, string Value)> headers, TimeSpan deadline)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.GrpcAddress + path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("authorization", target.AuthorizationHeader);
        if (!headers.Any(h => h.Name == "grpc-timeout"))
            request.Headers.TryAddWithoutValidation("grpc-timeout", $"{(long)deadline.TotalMilliseconds}m");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);

        // the server ends the call at the deadline; reading stops a little later in case it does not
        using var reading = new CancellationTokenSource(deadline + TimeSpan.FromSeconds(10));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, reading.Token);
        var status = Header(response.Headers, "grpc-status");
        var message = Header(response.Headers, "grpc-message");
        if (status is null)
        {
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(reading.Token);
                await stream.CopyToAsync(Stream.Null, reading.Token);
            }
            catch (OperationCanceledException)
            {
                return new RawGrpcOutcome(null, response.StatusCode, "", StillStreaming: true);
            }
            status = Header(response.TrailingHeaders, "grpc-status");
            message = Header(response.TrailingHeaders, "grpc-message");
        }
        return new RawGrpcOutcome(int.TryParse(status, out var code) ? (StatusCode)code : null, response.StatusCode,
            message is null ? "" : Uri.UnescapeDataString(message));
    }

    private static string? Header(HttpHeaders headers, string name) => headers.TryGetValues(name, out var values) ? values.First() : null;

    public void Dispose() => _http.Dispose();
}
