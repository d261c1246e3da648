using System.Net;
using System.Text.RegularExpressions;
using Inspection.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// One admin page request is one trace across processes: the admin's server span, its gRPC client span, the
/// service's gRPC server span and the service's database spans, all exported over OTLP by two real processes.
/// </summary>
public sealed class CrossProcessTraceTests
{
    private const int Server = 2, Client = 3; // OTLP SpanKind values

    [Fact]
    public async Task An_admin_page_request_is_one_trace_from_browser_to_database()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var postgres = PostgresServer.Shared;

        var trackingEnv = new Dictionary<string, string?>(collector.ExportEnvironment("recommendation-tracking"))
        {
            ["ConnectionStrings__Default"] = await postgres.CreateDatabaseAsync("trace_reco"),
        };
        await using var tracking = ServiceProcess.Start("recommendation-tracking", Apps.RecommendationTracking, trackingEnv);
        await tracking.WaitForAsync(ServingStatus.Serving, TimeSpan.FromSeconds(60));

        const string password = "trace-test-Password-1";
        var adminEnv = new Dictionary<string, string?>(collector.ExportEnvironment("admin"))
        {
            ["ConnectionStrings__Default"] = await postgres.CreateDatabaseAsync("trace_admin"),
            ["Services__recommendation-tracking__GrpcUrl"] = tracking.GrpcAddress,
            ["Admin__InitialPassword"] = password,
        };
        await using var admin = ServiceProcess.Start("admin", Apps.Admin, adminEnv);
        using var cookies = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(cookies) { BaseAddress = new Uri(admin.HttpAddress) };
        await WaitUntilReadyAsync(browser, admin);

        // sign in as the first administrator, through the real form (antiforgery token included)
        var form = await browser.GetStringAsync("/sign-in");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var signIn = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@inspection.local", ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        // the first administrator's password was given by configuration, so it must be changed before any page opens
        var change = await browser.GetStringAsync("/account/change-password");
        var changeToken = Regex.Match(change, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var changed = await browser.PostAsync("/account/change-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = password, ["Input.NewPassword"] = password + "-changed", ["Input.ConfirmPassword"] = password + "-changed",
            ["__RequestVerificationToken"] = changeToken,
        }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var page = await browser.GetAsync("/providers");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // Stop both processes as Ctrl-C would: the tracer provider is disposed at shutdown and must flush every span.
        await admin.StopAsync();
        await tracking.StopAsync();

        // The page's trace: the one holding the admin's ListProviders client span (the page makes that call) and the
        // service's database spans. ASP.NET Core's own span carries no route without the instrumentation package, so
        // the request is found by what it did.
        const string method = "inspection.recommendations.v1.RecommendationTracking/ListProviders";
        var spans = await WaitForAsync(collector, all =>
        {
            var call = all.FirstOrDefault(s => s.Service == "admin" && s.Span.Kind == Client && s.Name == method);
            if (call is null) return null;
            var trace = all.Where(s => s.TraceId == call.TraceId).ToList();
            return trace.Any(s => s.Service == "recommendation-tracking" && s.Scope == "Npgsql") ? trace : null;
        });

        var grpcClient = Assert.Single(spans, s => s.Service == "admin" && s.Span.Kind == Client && s.Name == method);
        var grpcServer = Assert.Single(spans, s => s.Service == "recommendation-tracking" && s.Span.Kind == Server && s.Name == method);
        // OpenTelemetry 1.20's RPC semantic conventions, on both sides of the call
        foreach (var side in new[] { grpcClient, grpcServer })
        {
            Assert.Equal("grpc", side.Attribute("rpc.system.name"));
            Assert.Equal("inspection.recommendations.v1.RecommendationTracking/ListProviders", side.Attribute("rpc.method"));
            Assert.Equal("OK", side.Attribute("rpc.response.status_code"));
        }
        Assert.Contains(spans, s => s.Service == "recommendation-tracking" && s.Scope == "Npgsql");

        // one tree: every span but the root has its parent in the same trace, and the server span descends from the client span
        var byId = spans.ToDictionary(s => s.SpanId);
        var root = Assert.Single(spans, s => !byId.ContainsKey(s.ParentSpanId));
        Assert.Equal(("admin", "Microsoft.AspNetCore", Server), (root.Service, root.Scope, root.Span.Kind));
        Assert.True(Descends(grpcClient, root, byId));
        Assert.True(Descends(grpcServer, grpcClient, byId), "the gRPC server span does not descend from the admin's client span");
        Assert.All(spans.Where(s => s.Scope == "Npgsql" && s.Service == "recommendation-tracking"), db => Assert.True(Descends(db, grpcServer, byId)));
    }

    private static bool Descends(ReceivedSpan span, ReceivedSpan ancestor, IReadOnlyDictionary<string, ReceivedSpan> byId)
    {
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
            if (parent.SpanId == ancestor.SpanId) return true;
        return false;
    }

    private static async Task WaitUntilReadyAsync(HttpClient browser, ServiceProcess admin)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (admin.HasExited) throw new InvalidOperationException("admin exited:\n" + admin.Output);
            try
            {
                if ((await browser.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("admin not ready:\n" + admin.Output);
    }

    private static async Task<IReadOnlyList<ReceivedSpan>> WaitForAsync(OtlpCollector collector, Func<IReadOnlyList<ReceivedSpan>, IReadOnlyList<ReceivedSpan>?> found)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (found(collector.Spans) is { } spans) return spans;
            await Task.Delay(200);
        }
        var seen = string.Join("\n", collector.Spans.Select(s => $"{s.Service} {s.Scope} {s.Span.Kind} {s.Name} trace={s.TraceId}"));
        throw new TimeoutException("the expected trace was not exported; spans seen:\n" + seen);
    }
}
