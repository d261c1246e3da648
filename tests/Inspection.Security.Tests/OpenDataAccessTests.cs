using System.Net;
using System.Text;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Inspection.OpenData.V1;
using Inspection.ServiceDefaults;
using static Inspection.Security.Tests.TrackingHost;

namespace Inspection.Security.Tests;

/// <summary>
/// The national open data is the one thing anyone may read without a token, over gRPC and as HTTP JSON, and only so
/// often; every other RPC of the host stays refused to an anonymous caller, whichever way it is asked.
/// </summary>
public sealed class OpenDataAccessTests(TrackingHost tracking) : IClassFixture<TrackingHost>
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private HttpClient Http() => new() { BaseAddress = new Uri($"http://127.0.0.1:{tracking.Host.HttpPort}") };

    /// <summary>Every RPC this host serves but the health check and the open data.</summary>
    private static IEnumerable<MethodDescriptor> Guarded() =>
        new[] { Inspection.Recommendations.V1.RecommendationsReflection.Descriptor, Inspection.Recommendations.V1.PlansReflection.Descriptor, Inspection.Audit.V1.AuditReflection.Descriptor }
            .SelectMany(f => f.Services).SelectMany(s => s.Methods);

    [Fact]
    public async Task Without_a_token_every_other_rpc_is_refused_over_grpc_and_over_http()
    {
        var methods = Guarded().ToList();
        Assert.True(methods.Count > 30, "the contracts were not found");
        using var http = Http();
        foreach (var method in methods)
        {
            var grpc = new Method<byte[], byte[]>(method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary, method.Service.FullName, method.Name, Bytes, Bytes);
            var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                if (method.IsServerStreaming)
                {
                    using var stream = tracking.Bare.CreateCallInvoker().AsyncServerStreamingCall(grpc, null, With(null), []);
                    await stream.ResponseStream.MoveNext();
                }
                else await tracking.Bare.CreateCallInvoker().AsyncUnaryCall(grpc, null, With(null), []);
            });
            Assert.True(refused.StatusCode == StatusCode.Unauthenticated, $"{method.FullName} over gRPC: {refused.Status}");

            // The same RPC asked as JSON on the HTTP/1.1 port: no route opens it, and the gRPC route refuses it.
            using var response = await http.PostAsync($"/{method.Service.FullName}/{method.Name}", new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.False(response.IsSuccessStatusCode, $"{method.FullName} over HTTP answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_open_data_needs_no_token_and_answers_429_or_RESOURCE_EXHAUSTED_past_its_limit()
    {
        using var http = Http();
        var outcomes = new List<HttpStatusCode>();
        // At most twice the limit and one: enough to pass it even if a window ends between two calls.
        for (var i = 0; i <= 2 * OpenDataPermitsPerMinute && !outcomes.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            using var response = await http.GetAsync("/open-data/v1/implementation-rates");
            outcomes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.True(response.Headers.RetryAfter is not null, "429 without Retry-After");
        }
        Assert.Equal(HttpStatusCode.OK, outcomes[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, outcomes[^1]);

        // Naming another address does not escape the limit: no proxy is trusted here (ForwardedHeaders:KnownNetworks).
        using (var spoofed = new HttpRequestMessage(HttpMethod.Get, "/open-data/v1/implementation-rates"))
        {
            spoofed.Headers.Add("X-Forwarded-For", "203.0.113.7");
            Assert.Equal(HttpStatusCode.TooManyRequests, (await http.SendAsync(spoofed)).StatusCode);
        }

        // Over gRPC, from the same address, within the same minute: RESOURCE_EXHAUSTED, not a transport failure.
        var client = new RecommendationOutcomes.RecommendationOutcomesClient(tracking.Bare);
        var limited = await Assert.ThrowsAsync<RpcException>(() => client.ListImplementationRatesAsync(new ListImplementationRatesRequest(), With(null)).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, limited.StatusCode);
        Assert.Contains("calls a minute", limited.Status.Detail);

        // A caller with a token (the admin printing a report, an integrator) is known: the limit is not theirs.
        var known = await client.ListImplementationRatesAsync(new ListImplementationRatesRequest(), With(Inspection.Testing.TestKeys.BearerFor(Inspection.Security.StaffRole.Viewer)));
        Assert.NotNull(known);
    }

    [Fact]
    public async Task The_openapi_description_lists_the_open_data_route_and_nothing_else()
    {
        using var http = Http();
        var description = await http.GetStringAsync(OpenDataHosting.DescriptionPath);

        Assert.Contains("/open-data/v1/implementation-rates", description);
        Assert.DoesNotContain("ListRecommendations", description);
    }
}
