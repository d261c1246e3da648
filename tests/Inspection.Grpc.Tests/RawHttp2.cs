using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Inspection.Grpc.Tests;

/// <summary>
/// A bare HTTP/2 client for protocol-level checks: sends exactly the bytes and headers a test says, and hands
/// back status, headers, body and trailers as they came off the wire, with no gRPC client logic in between.
/// </summary>
public sealed class RawHttp2 : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(20) };

    public sealed record Response(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, byte[] Body, HttpResponseHeaders Trailers)
    {
        public string? Header(string name) => Headers.TryGetValues(name, out var v) ? v.First() : null;
        public string? Trailer(string name) => Trailers.TryGetValues(name, out var v) ? v.First() : null;
    }

    public async Task<Response> PostAsync(string address, string path, byte[] body, string? contentType = "application/grpc", params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address + path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await _http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Response(response.StatusCode, response.Headers, response.Content.Headers, bytes, response.TrailingHeaders);
    }

    /// <summary>One uncompressed gRPC frame around a message.</summary>
    public static byte[] Frame(IMessage message) => GrpcFraming.Frame(message);

    /// <summary>A frame with the given flag and payload bytes, as a peer might send it.</summary>
    public static byte[] Frame(byte flag, byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public void Dispose() => _http.Dispose();
}
