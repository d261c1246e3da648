using Inspection.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace Inspection.Deploy.Tests;

public sealed class KubernetesTests
{
    private static readonly IReadOnlyList<YamlMappingNode> Manifests = Directory
        .GetFiles(Repository.PathOf("deploy/k8s"), "*.yaml").Order()
        .SelectMany(f => Repository.Documents(Path.GetRelativePath(Repository.Root, f)))
        .ToList();

    public static TheoryData<string> AppIds() => [.. AppTopology.All.Select(a => a.AppId)];

    private static YamlMappingNode Find(string kind, string name) =>
        Manifests.Single(m => m.Child("kind").Text() == kind && m.Child("metadata")!.Child("name").Text() == name);

    [Theory]
    [MemberData(nameof(AppIds))]
    public void Every_app_is_a_dapr_enabled_deployment_matching_the_topology(string appId)
    {
        var app = AppTopology.Get(appId);
        var template = Find("Deployment", appId).Child("spec")!.Child("template")!;
        var annotations = template.Child("metadata")!.Child("annotations")!;
        Assert.Equal("true", annotations.Child("dapr.io/enabled").Text());
        Assert.Equal(appId, annotations.Child("dapr.io/app-id").Text());
        Assert.Equal((app.GrpcPort ?? app.HttpPort).ToString(), annotations.Child("dapr.io/app-port").Text());
        Assert.Equal(app.GrpcPort is null ? "http" : "grpc", annotations.Child("dapr.io/app-protocol").Text());
        // the Configuration the sidecar uses exists (tracing and mTLS live there)
        Find("Configuration", annotations.Child("dapr.io/config").Text()!);

        var container = (YamlMappingNode)((YamlSequenceNode)template.Child("spec")!.Child("containers")!).Children[0];
        var ports = ((YamlSequenceNode)container.Child("ports")!).Children.Select(p => int.Parse(p.Child("containerPort").Text()!)).ToList();
        Assert.Contains(app.HttpPort, ports);
        if (app.GrpcPort is { } grpc) Assert.Contains(grpc, ports);

        var env = ((YamlSequenceNode)container.Child("env")!).Children.ToDictionary(e => e.Child("name").Text()!, e => e);
        Assert.Contains("ConnectionStrings__Default", env.Keys);
        Assert.Equal("0.0.0.0", env["Bind__Address"].Child("value").Text());
        Assert.Equal(appId, env["OTEL_SERVICE_NAME"].Child("value").Text());
        Assert.Contains("otel-collector", env["OTEL_EXPORTER_OTLP_ENDPOINT"].Child("value").Text());

        var secretName = env["ConnectionStrings__Default"].Child("valueFrom")!.Child("secretKeyRef")!.Child("name").Text()!;
        Assert.Contains($"Database={app.Database}", Find("Secret", secretName).Child("stringData")!.Child("connection-string").Text());

        Assert.Equal(app.HttpPort.ToString(), container.Child("readinessProbe")!.Child("httpGet")!.Child("port").Text());
        Assert.Equal("/health/ready", container.Child("readinessProbe")!.Child("httpGet")!.Child("path").Text());
    }

    [Fact]
    public void The_cluster_has_postgres_with_every_database_and_the_collector()
    {
        var init = Find("ConfigMap", "postgres-init").Child("data")!.Child("create-databases.sql").Text()!;
        foreach (var app in AppTopology.All) Assert.Contains($"CREATE DATABASE {app.Database};", init);
        Find("Service", "postgres");
        Find("Service", "otel-collector");
        Find("Service", "jaeger");
    }
}
