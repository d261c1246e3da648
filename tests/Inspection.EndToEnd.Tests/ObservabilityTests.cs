using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace Inspection.EndToEnd.Tests;

/// <summary>
/// Issue 27's proof: what the apps measure reaches a real Prometheus with the labels the rules and dashboards use;
/// the dashboards and rules name only metrics the apps really export; log records carry the trace of the request that
/// wrote them and no secret; the trace id the admin's fault page shows finds the trace and the fault's log lines.
/// </summary>
public sealed class ObservabilityTests(ObservedSystem system) : IClassFixture<ObservedSystem>
{
    private const string ListProviders = "inspection.recommendations.v1.RecommendationTracking/ListProviders";
    private const string GetInspection = "inspection.recommendations.v1.RecommendationTracking/GetInspection";
    private const string DrawSample = "inspection.sampling.v1.CaseSampling/DrawSample";

    [Fact]
    public async Task Prometheus_reads_rpc_counts_errors_latency_pages_and_the_products_own_metrics()
    {
        var prometheus = system.Prometheus;
        await prometheus.WaitForAsync($"rpc_server_call_duration_seconds_count{{job=\"recommendation-tracking\", rpc_system_name=\"grpc\", rpc_method=\"{ListProviders}\", rpc_response_status_code=\"OK\"}}",
            r => r.Count == 1 && r[0].Value >= 1);
        // errors by status: the malformed id and the call without a token, each under its status and RPC
        await prometheus.WaitForAsync($"rpc_server_call_duration_seconds_count{{job=\"recommendation-tracking\", rpc_method=\"{GetInspection}\", rpc_response_status_code=\"INVALID_ARGUMENT\"}}",
            r => r.Count == 1 && r[0].Value >= 1);
        await prometheus.WaitForAsync($"rpc_server_call_duration_seconds_count{{job=\"recommendation-tracking\", rpc_method=\"{ListProviders}\", rpc_response_status_code=\"UNAUTHENTICATED\"}}",
            r => r.Count == 1 && r[0].Value >= 1);
        await prometheus.WaitForAsync("sum by (rpc_method, rpc_response_status_code) (inspection_rpc_refusals_total{job=\"case-sampling\"})",
            r => r.Any(s => s.Labels["rpc_method"] == "inspection.sampling.v1.CaseSampling/ImportPopulation" && s.Labels["rpc_response_status_code"] == "INVALID_ARGUMENT"));
        // a latency histogram: buckets up to +Inf, the draw counted once in the last
        var buckets = await prometheus.WaitForAsync($"rpc_server_call_duration_seconds_bucket{{job=\"case-sampling\", rpc_method=\"{DrawSample}\", rpc_response_status_code=\"OK\"}}",
            r => r.Any(s => s.Labels["le"] == "+Inf" && s.Value >= 1));
        Assert.Contains(buckets, s => s.Labels["le"] == "0.5");
        // the call one service makes to another is counted on the server it reached
        await prometheus.WaitForAsync("rpc_server_call_duration_seconds_count{job=\"organisational-evidence\", rpc_response_status_code=\"OK\"}", r => r.Count > 0);
        // admin pages, by route
        await prometheus.WaitForAsync("http_server_request_duration_seconds_count{job=\"admin\", http_response_status_code=\"200\", http_route!=\"\"}", r => r.Count > 0);

        // the product's own
        await prometheus.WaitForAsync("inspection_caseload_import_cases_total{job=\"case-sampling\"}", r => r.Count == 1 && r[0].Value >= 30);
        await prometheus.WaitForAsync("inspection_caseload_import_duration_seconds_count{job=\"case-sampling\"}", r => r.Count == 1 && r[0].Value >= 1);
        await prometheus.WaitForAsync("inspection_sample_draw_duration_seconds_count{job=\"case-sampling\"}", r => r.Count == 1 && r[0].Value >= 1);
        await prometheus.WaitForAsync("inspection_sample_size_sum{job=\"case-sampling\"}", r => r.Count == 1 && r[0].Value >= 6);
        await prometheus.WaitForAsync("inspection_rating_computation_duration_seconds_count{job=\"assessment-scoring\"}", r => r.Count == 1 && r[0].Value >= 1);
        await prometheus.WaitForAsync("sum(inspection_progress_judgements_total{job=\"recommendation-tracking\"})", r => r.Count == 1 && r[0].Value >= 1, TimeSpan.FromSeconds(60));
        await prometheus.WaitForAsync("sum by (inspection_publication_kind) (inspection_publications_total{job=\"recommendation-tracking\"})",
            r => r.Any(s => s.Labels.GetValueOrDefault("inspection_publication_kind") == "recorded_earlier" && s.Value >= 1), TimeSpan.FromSeconds(60));
        await prometheus.WaitForAsync("inspection:improvement_plan_overdue:max", r => r.Count == 1 && r[0].Value >= 0, TimeSpan.FromSeconds(60));
        var reachable = await prometheus.WaitForAsync("inspection_database_reachable", r => r.Count == 5 && r.All(s => s.Value == 1), TimeSpan.FromSeconds(60));
        Assert.Equal(["admin", "assessment-scoring", "case-sampling", "organisational-evidence", "recommendation-tracking"], reachable.Select(s => s.Labels["job"]).Order());
        // every app is a target that answers
        await prometheus.WaitForAsync("up == 1", r => r.Count == 5);
    }

    [Fact]
    public async Task Every_dashboard_and_rule_names_only_metrics_the_apps_export()
    {
        // Wait until what the calls produced has been scraped (the product metrics come last), then compare names.
        await system.Prometheus.WaitForAsync("inspection_rating_computation_duration_seconds_count", r => r.Count > 0, TimeSpan.FromSeconds(60));
        await system.Prometheus.WaitForAsync("inspection_progress_judgements_total", r => r.Count > 0, TimeSpan.FromSeconds(60));
        await system.Prometheus.WaitForAsync("inspection_publications_total", r => r.Count > 0, TimeSpan.FromSeconds(60));
        // The fixture's calls come in one burst just before the tests; the ratios the rules record need two samples.
        await system.Prometheus.WaitUntilRulesHaveSeenAsync(DateTimeOffset.UtcNow);
        var exported = await system.Prometheus.MetricNamesAsync();
        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "inspection-exported-metrics.txt"), exported.Order());
        var missing = new List<string>();
        foreach (var (source, expr) in DashboardQueries().Concat(RuleExpressions()))
            foreach (var name in MetricsIn(expr))
                if (!exported.Contains(name)) missing.Add($"{source}: {name}");
        Assert.True(missing.Count == 0, "not exported by any app:\n" + string.Join("\n", missing.Distinct()) + "\n\nexported:\n" + string.Join("\n", exported.Order()));
        Assert.NotEmpty(DashboardQueries());
    }

    [Fact]
    public async Task The_fault_pages_trace_id_finds_the_trace_and_the_fault_logged_in_every_process_it_crossed()
    {
        // A fault: the table the providers page reads is gone (restored after), so the service answers INTERNAL and
        // the admin shows its fault page with the trace id.
        await using (var connection = new NpgsqlConnection(system.TrackingConnectionString))
        {
            await connection.OpenAsync();
            await using var away = new NpgsqlCommand("alter table providers rename to providers_away", connection);
            await away.ExecuteNonQueryAsync();
        }
        string traceId;
        try
        {
            var page = await system.Browser.GetAsync("/providers");
            Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            traceId = Regex.Match(html, "data-testid=\"trace-id\">([0-9a-f]{32})<").Groups[1].Value;
            Assert.Equal(32, traceId.Length);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(system.TrackingConnectionString);
            await connection.OpenAsync();
            await using var back = new NpgsqlCommand("alter table providers_away rename to providers", connection);
            await back.ExecuteNonQueryAsync();
        }

        // the trace: the admin's page request and the service's failed call, one trace
        var spans = await WaitForAsync(() => system.Collector.Spans.Where(s => s.TraceId == traceId).ToList(),
            s => s.Any(x => x.Service == "admin") && s.Any(x => x.Service == "recommendation-tracking" && x.Name == ListProviders));
        // the log lines: the service's unhandled exception and the admin's fault, each with the trace id and the span it was written in
        var logs = await WaitForAsync(() => system.Collector.Logs.Where(l => l.TraceId == traceId).ToList(),
            l => l.Any(x => x.Service == "admin" && x.Record.SeverityNumber >= 17) && l.Any(x => x.Service == "recommendation-tracking" && x.Record.SeverityNumber >= 17));
        // each written in a span of that trace (a server span is exported when it ends, after the records written in it)
        var spanIds = (await WaitForAsync(() => system.Collector.Spans.Where(s => s.TraceId == traceId).ToList(),
            s => logs.All(l => s.Any(x => x.SpanId == l.SpanId)))).Select(s => s.SpanId).ToHashSet();
        Assert.All(logs, l => Assert.Contains(l.SpanId, spanIds));
        // the console (JSON in containers) carries the same trace id on the admin's fault line
        // (the console reaches this process by its own route, stdout, so it may come after the exported records)
        var consoleLine = (await WaitForAsync(
            () => system.Admin.Output.Split('\n').Where(line => line.Contains(traceId) && line.Contains("\"LogLevel\":\"Error\"")).ToList(),
            lines => lines.Count > 0)).FirstOrDefault();
        Assert.NotNull(consoleLine);
        using var json = JsonDocument.Parse(consoleLine);
        Assert.Contains(json.RootElement.GetProperty("Scopes").EnumerateArray(), s => s.TryGetProperty("TraceId", out var t) && t.GetString() == traceId);
    }

    [Fact]
    public async Task No_log_holds_a_password_a_token_a_case_attribute_or_a_staff_email()
    {
        // the refused batch and the sign-in have been logged by now (they ran before the fixture was ready); wait for the exporters
        await WaitForAsync(() => system.Collector.Logs.Where(l => l.Service == "case-sampling").ToList(), l => l.Count > 0);
        await Task.Delay(1000);
        var text = system.AllLogText();
        Assert.NotEmpty(system.Collector.Logs);
        var signature = system.Bearer.Split('.')[^1];
        foreach (var secret in new[] { ObservedSystem.Password, ObservedSystem.ChangedPassword, system.Bearer, signature, ObservedSystem.SecretAttribute,
                     ObservedSystem.CaseReferencePrefix, ObservedSystem.AdminEmail, Inspection.Testing.TestKeys.TestUser })
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"a log holds '{secret}'");
        Assert.DoesNotMatch(new Regex(@"(ethnic_group|gender|rosh_level)\W{1,4}(white|female|male|low|high)", RegexOptions.IgnoreCase), text);
    }

    private static async Task<IReadOnlyList<T>> WaitForAsync<T>(Func<IReadOnlyList<T>> read, Func<IReadOnlyList<T>, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            var now = read();
            if (done(now)) return now;
            await Task.Delay(200);
        }
        throw new TimeoutException("not exported in time; received so far:\n" + string.Join("\n", read()));
    }

    private static string Root => Inspection.Testing.ServiceProcess.RepositoryRoot;

    /// <summary>Every PromQL expression of every panel of every dashboard.</summary>
    public static IReadOnlyList<(string Source, string Expr)> DashboardQueries()
    {
        var found = new List<(string, string)>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "deploy/grafana/dashboards"), "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var panel in document.RootElement.GetProperty("panels").EnumerateArray())
                if (panel.TryGetProperty("targets", out var targets))
                    foreach (var target in targets.EnumerateArray())
                        if (target.TryGetProperty("expr", out var expr))
                            found.Add(($"{Path.GetFileName(file)} '{panel.GetProperty("title").GetString()}'", expr.GetString()!));
        }
        return found;
    }

    private static IEnumerable<(string Source, string Expr)> RuleExpressions() =>
        Regex.Matches(File.ReadAllText(Path.Combine(Root, "deploy/prometheus/rules/inspection.rules.yml")), @"expr: (\|\n(?:\s{10}.*\n)+|.*\n)")
            .Select(m => ("inspection.rules.yml", m.Groups[1].Value));

    /// <summary>The metric names an expression selects: every name written before a label selector or a range.</summary>
    public static IEnumerable<string> MetricsIn(string expr) =>
        Regex.Matches(expr, @"(?<![\w:""])([a-zA-Z_:][a-zA-Z0-9_:]*)\s*[{\[]").Select(m => m.Groups[1].Value)
            .Where(name => name is not ("by" or "without" or "on" or "ignoring" or "group_left" or "group_right"));
}
