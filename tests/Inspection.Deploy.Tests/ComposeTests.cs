using Inspection.ServiceDefaults;
using YamlDotNet.RepresentationModel;

namespace Inspection.Deploy.Tests;

public sealed class ComposeTests
{
    private static readonly YamlMappingNode Services = (YamlMappingNode)Repository.Documents("docker-compose.yml")[0].Child("services")!;

    public static TheoryData<string> AppIds() => [.. AppTopology.All.Select(a => a.AppId)];

    [Theory]
    [MemberData(nameof(AppIds))]
    public void Every_app_runs_its_project_with_the_environment_the_code_reads(string appId)
    {
        var app = AppTopology.Get(appId);
        var service = Services.Child(appId);
        Assert.NotNull(service);
        var args = service.Child("build")!.Child("args")!;
        Assert.Equal(app.Project, args.Child("PROJECT").Text());
        Assert.Equal(Path.GetFileName(app.Project) + ".dll", args.Child("APP_DLL").Text());
        Assert.True(File.Exists(Repository.PathOf($"{app.Project}/{Path.GetFileName(app.Project)}.csproj")) || !Directory.Exists(Repository.PathOf(app.Project)),
            $"{app.Project} has no project file");

        var env = service.Child("environment")!;
        Assert.Contains($"Database={app.Database}", env.Child("ConnectionStrings__Default").Text());
        Assert.Equal("0.0.0.0", env.Child("Bind__Address").Text());
        Assert.Equal(appId, env.Child("OTEL_SERVICE_NAME").Text());
        Assert.StartsWith("http://otel-collector:4317", env.Child("OTEL_EXPORTER_OTLP_ENDPOINT").Text());
        Assert.NotNull(env.Child("DAPR_GRPC_PORT").Text());
    }

    [Theory]
    [MemberData(nameof(AppIds))]
    public void Every_app_has_a_sidecar_with_its_app_id_port_and_protocol(string appId)
    {
        var app = AppTopology.Get(appId);
        var sidecar = Services.Child(appId + "-dapr");
        Assert.NotNull(sidecar);
        Assert.Equal("service:" + appId, sidecar.Child("network_mode").Text());
        var command = sidecar.Child("command").Strings();
        Assert.Equal("./daprd", command[0]);
        Assert.Equal(appId, command.Flag("--app-id"));
        Assert.Equal((app.GrpcPort ?? app.HttpPort).ToString(), command.Flag("--app-port"));
        Assert.Equal(app.GrpcPort is null ? "http" : "grpc", command.Flag("--app-protocol"));
        // the app's client sends every call to the sidecar's gRPC port
        Assert.Equal(Services.Child(appId)!.Child("environment")!.Child("DAPR_GRPC_PORT").Text(), command.Flag("--dapr-grpc-port"));
        Assert.Contains("--enable-mtls", command);
        var config = command.Flag("--config")!;
        Assert.True(File.Exists(Repository.PathOf("deploy/dapr/" + Path.GetFileName(config))), $"{config} is not in deploy/dapr");
        Assert.True(Directory.Exists(Repository.PathOf("deploy/dapr/" + Path.GetFileName(command.Flag("--resources-path")!))));
    }

    [Fact]
    public void Every_database_is_created_and_the_observability_pieces_are_there()
    {
        var sql = File.ReadAllText(Repository.PathOf("deploy/docker/create-databases.sql"));
        foreach (var app in AppTopology.All) Assert.Contains($"CREATE DATABASE {app.Database};", sql);
        Assert.NotNull(Services.Child("postgres"));
        Assert.Contains($"max_connections={AppTopology.Postgres.MaxConnections}", Services.Child("postgres")!.Child("command").Strings());
        Assert.NotNull(Services.Child("otel-collector"));
        Assert.NotNull(Services.Child("jaeger"));
        Assert.NotNull(Services.Child("sentry"));
        var collector = Repository.Documents("deploy/otel/collector.yaml")[0];
        Assert.Contains("0.0.0.0:4317", collector.Child("receivers")!.Child("otlp")!.Child("protocols")!.Child("grpc")!.Child("endpoint").Text());
    }

    [Fact]
    public void Resiliency_targets_every_grpc_service()
    {
        var apps = Repository.Documents("deploy/dapr/components/resiliency.yaml")[0].Child("spec")!.Child("targets")!.Child("apps") as YamlMappingNode;
        Assert.NotNull(apps);
        var targets = apps.Children.Keys.Select(k => k.Text() ?? "").ToHashSet();
        Assert.Equal(AppTopology.All.Where(a => a.GrpcPort is not null).Select(a => a.AppId).ToHashSet(), targets);
    }
}
