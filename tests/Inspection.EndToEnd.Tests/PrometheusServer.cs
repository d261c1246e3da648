using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Inspection.Testing;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// Debian's Prometheus (2.42, installed by deploy/local/prerequisites.sh --metrics) scraping the processes under test
/// every second with the repository's own recording and alerting rules; read back over its HTTP API.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private PrometheusServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <param name="targets">job (the app id) and the host:port of its /metrics.</param>
    public static async Task<PrometheusServer> StartAsync(IReadOnlyDictionary<string, string> targets)
    {
        var binary = File.Exists("/usr/bin/prometheus") ? "/usr/bin/prometheus"
            : throw new InvalidOperationException("prometheus is not installed: run deploy/local/prerequisites.sh --metrics");
        var directory = Directory.CreateTempSubdirectory("inspection-prometheus-").FullName;
        var rules = Path.Combine(ServiceProcess.RepositoryRoot, "deploy/prometheus/rules/inspection.rules.yml");
        var config = new StringBuilder($"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files: ["{rules}"]
            scrape_configs:

            """);
        foreach (var (job, target) in targets)
            config.Append($"  - job_name: {job}\n    static_configs: [{{ targets: [\"{target}\"] }}]\n");
        var configFile = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(configFile, config.ToString());
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(binary, [
            "--config.file=" + configFile, "--storage.tsdb.path=" + Path.Combine(directory, "data"),
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        ])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var server = new PrometheusServer(Process.Start(start)!, directory, port);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (server._process.HasExited) throw new InvalidOperationException("prometheus exited:\n" + server.Output);
            try
            {
                if ((await server._http.GetAsync("/-/ready")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("prometheus not ready:\n" + server.Output);
    }

    /// <summary>An instant query's result: each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promql)
    {
        var json = await _http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(promql));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(r => ((IReadOnlyDictionary<string, string>)r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                double.Parse(r.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Waits until the query returns a series that <paramref name="wanted"/> accepts; fails with what it saw.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> WaitForAsync(string promql,
        Func<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>, bool> wanted, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)> last = [];
        while (DateTime.UtcNow < until)
        {
            last = await QueryAsync(promql);
            if (wanted(last)) return last;
            await Task.Delay(500);
        }
        throw new TimeoutException($"{promql} never gave what was expected; last answer:\n" +
            string.Join("\n", last.Select(s => "{" + string.Join(", ", s.Labels.Select(l => $"{l.Key}=\"{l.Value}\"")) + "} " + s.Value)));
    }

    /// <summary>
    /// Waits until the recording rules have seen everything the apps did before <paramref name="since"/>: a rule over
    /// rate() records nothing for a series until it has two samples, so every target is scraped twice after that
    /// moment, and then every rule group is evaluated after the second scrape was stored.
    /// </summary>
    public async Task WaitUntilRulesHaveSeenAsync(DateTimeOffset since, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        var first = await ScrapedAfterAsync(_ => since, until);
        var second = await ScrapedAfterAsync(job => first[job], until);
        var stored = second.Values.Max();
        while (true)
        {
            using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/rules"));
            var evaluations = document.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
                .Select(g => g.GetProperty("lastEvaluation").GetDateTimeOffset()).ToList();
            if (evaluations.Count > 0 && evaluations.All(e => e > stored)) return;
            if (DateTime.UtcNow > until) throw new TimeoutException($"the rule groups were not evaluated after {stored:O}: {string.Join(", ", evaluations)}");
            await Task.Delay(200);
        }
    }

    /// <summary>For every target, the moment its first scrape starting after <paramref name="after"/> was stored.</summary>
    private async Task<Dictionary<string, DateTimeOffset>> ScrapedAfterAsync(Func<string, DateTimeOffset> after, DateTime until)
    {
        while (true)
        {
            using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/targets?state=active"));
            var targets = document.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
                .Select(t => (Job: t.GetProperty("labels").GetProperty("job").GetString()!,
                    Start: t.GetProperty("lastScrape").GetDateTimeOffset(),
                    Stored: t.GetProperty("lastScrape").GetDateTimeOffset() + TimeSpan.FromSeconds(t.GetProperty("lastScrapeDuration").GetDouble())))
                .ToList();
            if (targets.Count > 0 && targets.All(t => t.Start > after(t.Job))) return targets.ToDictionary(t => t.Job, t => t.Stored);
            if (DateTime.UtcNow > until) throw new TimeoutException("not every target was scraped again: " + string.Join(", ", targets.Select(t => $"{t.Job} {t.Start:O}")));
            await Task.Delay(200);
        }
    }

    /// <summary>Every metric name Prometheus holds (scraped, and recorded by the rules).</summary>
    public async Task<IReadOnlySet<string>> MetricNamesAsync()
    {
        var json = await _http.GetStringAsync("/api/v1/label/__name__/values");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("data").EnumerateArray().Select(n => n.GetString()!).ToHashSet();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
