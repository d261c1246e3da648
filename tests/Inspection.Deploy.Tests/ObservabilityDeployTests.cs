using System.Diagnostics;
using System.Text.Json;
using Inspection.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace Inspection.Deploy.Tests;

/// <summary>
/// Issue 27: every signal has somewhere to go in both deployments (the collector's three pipelines, Prometheus scraping
/// each app's internal port, Loki, Grafana with the dashboards), the containers log JSON, Kubernetes runs the very
/// files kept in deploy/, and the alert rules pass `promtool test rules`.
/// </summary>
public sealed class ObservabilityDeployTests
{
    public static TheoryData<string> AppIds() => [.. AppTopology.All.Select(a => a.AppId)];

    [Fact]
    public void The_collector_has_a_pipeline_for_traces_metrics_and_logs_each_with_its_backend()
    {
        var collector = Repository.Documents("deploy/otel/collector.yaml")[0];
        var pipelines = collector.Child("service")!.Child("pipelines")!;
        Assert.Equal(["otlp/jaeger"], pipelines.Child("traces")!.Child("exporters").Strings());
        Assert.Equal(["prometheus"], pipelines.Child("metrics")!.Child("exporters").Strings());
        Assert.Equal(["otlphttp/loki"], pipelines.Child("logs")!.Child("exporters").Strings());
        foreach (var signal in new[] { "traces", "metrics", "logs" })
            Assert.Equal(["otlp"], pipelines.Child(signal)!.Child("receivers").Strings());
        var exporters = collector.Child("exporters")!;
        Assert.Equal("http://loki:3100/otlp", exporters.Child("otlphttp/loki")!.Child("endpoint").Text());
        Assert.Equal("jaeger:4317", exporters.Child("otlp/jaeger")!.Child("endpoint").Text());
    }

    [Fact]
    public void Kubernetes_runs_the_collector_config_kept_in_deploy_otel_verbatim()
    {
        var configMap = Repository.Documents("deploy/k8s/03-observability.yaml")
            .Single(d => d.Child("kind").Text() == "ConfigMap" && d.Child("metadata")!.Child("name").Text() == "otel-collector");
        Assert.Equal(File.ReadAllText(Repository.PathOf("deploy/otel/collector.yaml")), configMap.Child("data")!.Child("collector.yaml").Text());
    }

    [Theory]
    [MemberData(nameof(AppIds))]
    public void Compose_logs_json_and_prometheus_scrapes_the_app_on_its_internal_port(string appId)
    {
        var app = AppTopology.Get(appId);
        var services = Repository.Documents("docker-compose.yml")[0].Child("services")!;
        Assert.Equal("json", services.Child(appId)!.Child("environment")!.Child("Logging__Console__FormatterName").Text());
        var jobs = (YamlSequenceNode)Repository.Documents("deploy/prometheus/prometheus.yml")[0].Child("scrape_configs")!;
        var job = jobs.Children.Single(j => j.Child("job_name").Text() == appId);
        var targets = ((YamlSequenceNode)job.Child("static_configs")!).Children.SelectMany(c => c.Child("targets").Strings());
        Assert.Equal([$"{appId}:{app.InternalPort}"], targets);
        // never the admin's public port
        if (app.MetricsPort is { } metrics) Assert.NotEqual(app.HttpPort, metrics);
    }

    [Theory]
    [MemberData(nameof(AppIds))]
    public void Kubernetes_pods_log_json_and_are_annotated_for_prometheus_on_their_internal_port(string appId)
    {
        var app = AppTopology.Get(appId);
        var deployment = Directory.GetFiles(Repository.PathOf("deploy/k8s"), "*.yaml")
            .SelectMany(f => Repository.Documents(Path.GetRelativePath(Repository.Root, f)))
            .Single(d => d.Child("kind").Text() == "Deployment" && d.Child("metadata")!.Child("name").Text() == appId);
        var template = deployment.Child("spec")!.Child("template")!;
        var annotations = template.Child("metadata")!.Child("annotations")!;
        Assert.Equal("true", annotations.Child("prometheus.io/scrape").Text());
        Assert.Equal(app.InternalPort.ToString(), annotations.Child("prometheus.io/port").Text());
        Assert.Equal("/metrics", annotations.Child("prometheus.io/path").Text());
        var container = ((YamlSequenceNode)template.Child("spec")!.Child("containers")!).Children[0];
        Assert.Contains(app.InternalPort, ((YamlSequenceNode)container.Child("ports")!).Children.Select(p => int.Parse(p.Child("containerPort").Text()!)));
        var env = ((YamlSequenceNode)container.Child("env")!).Children.ToDictionary(e => e.Child("name").Text()!, e => e.Child("value").Text());
        Assert.Equal("json", env["Logging__Console__FormatterName"]);
    }

    [Fact]
    public void Both_deployments_carry_prometheus_loki_and_grafana_and_kustomize_lists_every_file()
    {
        var services = Repository.Documents("docker-compose.yml")[0].Child("services")!;
        foreach (var name in new[] { "prometheus", "loki", "grafana", "otel-collector", "jaeger" }) Assert.NotNull(services.Child(name));
        var manifests = Repository.Documents("deploy/k8s/03-observability.yaml");
        foreach (var name in new[] { "prometheus", "loki", "grafana", "otel-collector", "jaeger" })
        {
            Assert.Contains(manifests, d => d.Child("kind").Text() == "Deployment" && d.Child("metadata")!.Child("name").Text() == name);
            Assert.Contains(manifests, d => d.Child("kind").Text() == "Service" && d.Child("metadata")!.Child("name").Text() == name);
        }

        var kustomization = Repository.Documents("deploy/kustomization.yaml")[0];
        var resources = kustomization.Child("resources").Strings();
        Assert.Equal(Directory.GetFiles(Repository.PathOf("deploy/k8s"), "*.yaml").Select(f => "k8s/" + Path.GetFileName(f)).Order(), resources.Order());
        var generated = ((YamlSequenceNode)kustomization.Child("configMapGenerator")!).Children
            .ToDictionary(g => g.Child("name").Text()!, g => g.Child("files").Strings());
        Assert.Equal(Directory.GetFiles(Repository.PathOf("deploy/prometheus/rules"), "*.yml").Select(f => "prometheus/rules/" + Path.GetFileName(f)).Order(),
            generated["prometheus-rules"].Order());
        Assert.Equal(Directory.GetFiles(Repository.PathOf("deploy/grafana/dashboards"), "*.json").Select(f => "grafana/dashboards/" + Path.GetFileName(f)).Order(),
            generated["grafana-dashboards"].Order());
        // what the Deployments mount is what kustomize generates
        var mounted = manifests.Where(d => d.Child("kind").Text() == "Deployment")
            .SelectMany(d => ((YamlSequenceNode?)d.Child("spec")!.Child("template")!.Child("spec")!.Child("volumes"))?.Children ?? [])
            .Select(v => v.Child("configMap")?.Child("name").Text()).OfType<string>();
        foreach (var name in mounted)
            Assert.True(generated.ContainsKey(name) || manifests.Any(d => d.Child("kind").Text() == "ConfigMap" && d.Child("metadata")!.Child("name").Text() == name),
                $"ConfigMap {name} is mounted but neither generated nor declared");
    }

    [Fact]
    public void There_is_a_dashboard_per_app_and_one_for_the_system_each_querying_prometheus()
    {
        var files = Directory.GetFiles(Repository.PathOf("deploy/grafana/dashboards"), "*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.Equal(AppTopology.All.Select(a => a.AppId).Append("system").Order(), files.Order());
        foreach (var file in files)
        {
            using var dashboard = JsonDocument.Parse(File.ReadAllText(Repository.PathOf($"deploy/grafana/dashboards/{file}.json")));
            var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
            Assert.True(panels.Count >= 6, $"{file} has {panels.Count} panels");
            Assert.All(panels, p => Assert.NotEmpty(p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString())));
        }
    }

    /// <summary>The rules' own tests: series that should fire each alert and series beside them that should not.</summary>
    [Fact]
    public async Task The_alert_rules_pass_promtool_test_rules()
    {
        const string promtool = "/usr/bin/promtool";
        Assert.True(File.Exists(promtool), "promtool is not installed: run deploy/local/prerequisites.sh --metrics");
        foreach (var test in Directory.GetFiles(Repository.PathOf("deploy/prometheus/tests"), "*.test.yml"))
        {
            var start = new ProcessStartInfo(promtool, ["test", "rules", test])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(test)!,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"promtool test rules {Path.GetFileName(test)}:\n{output}");
            Assert.Contains("SUCCESS", output);
        }
        var check = Process.Start(new ProcessStartInfo(promtool, ["check", "config", Repository.PathOf("deploy/prometheus/prometheus.yml")])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var checkOutput = await check.StandardOutput.ReadToEndAsync() + await check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();
        // the rule files it names live at /etc/prometheus/rules in the container: only the config's own syntax is checked here
        Assert.DoesNotContain("FAILED: parsing YAML", checkOutput);
    }
}
