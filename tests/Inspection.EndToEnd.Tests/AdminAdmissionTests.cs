using System.Globalization;
using System.Net;
using System.Text;
using Inspection.Testing;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// The admin's admission control (issue 24), made deterministic: one request at a time and a queue of one. A sign-in
/// whose form body is held back keeps the one place; the next request waits in the queue (it is not refused, and it is
/// answered once the first is done); the one after that finds the queue full and gets the GOV.UK "unavailable" page
/// with Retry-After, while the probes still answer. The admin's own metrics (the rate limiter's leases and queue, on
/// its /metrics port) say when each step has been reached, so nothing here waits on a guess.
/// </summary>
public sealed class AdminAdmissionTests
{
    [Fact]
    public async Task Requests_past_the_limit_wait_their_turn_and_past_the_queue_are_told_to_come_back()
    {
        var metricsPort = LoopbackPort.Free();
        await using var admin = ServiceProcess.Start("admin", Apps.Admin, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = await PostgresServer.Shared.CreateDatabaseAsync("admission_admin"),
            ["Admin__InitialPassword"] = "admission-Password-1",
            ["Admission__ConcurrentRequests"] = "1",
            ["Admission__QueueLimit"] = "1",
            ["Ports__Metrics"] = metricsPort.ToString(CultureInfo.InvariantCulture),
        });
        using var http = new HttpClient { BaseAddress = new Uri(admin.HttpAddress), Timeout = TimeSpan.FromMinutes(2) };
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        await WaitUntilAsync(async () => (await TryGetAsync(http, "/health/ready"))?.IsSuccessStatusCode == true, admin, "the admin to be ready");

        // the first request takes the one place and keeps it while its form body is held back
        var body = new HeldBody("Input.Email=held%40inspection.local&Input.Password=x");
        var first = http.PostAsync("/sign-in", body);
        await WaitUntilAsync(async () => await GaugeAsync(metrics, "aspnetcore_rate_limiting_active_request_leases") >= 1, admin, "the first request to be admitted");

        // the second waits in the queue
        var second = http.GetAsync("/sign-in");
        await WaitUntilAsync(async () => await GaugeAsync(metrics, "aspnetcore_rate_limiting_queued_requests") >= 1, admin, "the second request to be queued");

        // the third finds the queue full: told to come back, on the GOV.UK page; the probes are not queued
        using (var third = await http.GetAsync("/sign-in"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), third.Headers.RetryAfter?.Delta);
            Assert.Contains("Sorry, the service is unavailable", await third.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.False(second.IsCompleted, "the queued request was answered while the first still held the only place");

        // once the first is done, the queued one is served
        body.Release();
        using (var firstAnswer = await first) Assert.NotEqual(HttpStatusCode.ServiceUnavailable, firstAnswer.StatusCode);
        using var secondAnswer = await second;
        Assert.Equal(HttpStatusCode.OK, secondAnswer.StatusCode);
        Assert.Contains("Sign in", await secondAnswer.Content.ReadAsStringAsync());
    }

    /// <summary>A form body that sends its first byte at once and the rest only when released.</summary>
    private sealed class HeldBody(string form) : HttpContent
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly byte[] _bytes = Encoding.ASCII.GetBytes(form);

        public HeldBody Release()
        {
            _released.TrySetResult();
            return this;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, 1));
            await stream.FlushAsync();
            await _released.Task;
            await stream.WriteAsync(_bytes.AsMemory(1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return true;
        }
    }

    // The sum of a gauge's series on the admin's /metrics (0 while it has none).
    private static async Task<double> GaugeAsync(HttpClient metrics, string name)
    {
        var text = await metrics.GetStringAsync("/metrics");
        return text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static async Task<HttpResponseMessage?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            return await http.GetAsync(path);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, ServiceProcess admin, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            if (admin.HasExited) throw new InvalidOperationException("admin exited:\n" + admin.Output);
            if (DateTime.UtcNow > until) throw new TimeoutException($"waited 120 s for {what}:\n{admin.Output}");
            await Task.Delay(100);
        }
    }
}
