using System.Net;
using Inspection.Testing;

namespace Inspection.Security.Tests;

/// <summary>A caller without credentials is refused before its request is read: garbage from it is not even parsed.</summary>
public sealed class UnauthenticatedInputTests(TrackingHost tracking) : IClassFixture<TrackingHost>
{
    private static async Task<string?> StatusOfAsync(string address, string? authorization, byte[] body)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, address + "/inspection.recommendations.v1.RecommendationTracking/CreateProvider")
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,   // h2c with prior knowledge, as gRPC clients do
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("authorization", authorization);
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.Headers.TryGetValues("grpc-status", out var h) ? h.First()
            : response.TrailingHeaders.TryGetValues("grpc-status", out var t) ? t.First()
            : $"no grpc-status: HTTP {(int)response.StatusCode} {response.Version} {response.Headers}";
    }

    [Fact]
    public async Task Garbage_without_credentials_is_unauthenticated_and_with_them_invalid_argument()
    {
        // A frame declaring 5 bytes of something that is not a CreateProviderRequest (field 1 as a truncated varint).
        byte[] garbage = [0, 0, 0, 0, 5, 0x08, 0xFF, 0xFF, 0xFF, 0xFF];

        Assert.Equal("16", await StatusOfAsync(tracking.Host.GrpcAddress, null, garbage));
        Assert.Equal("3", await StatusOfAsync(tracking.Host.GrpcAddress, TestKeys.BearerFor(), garbage));
    }
}
