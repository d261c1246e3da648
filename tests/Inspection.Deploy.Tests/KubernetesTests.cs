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
        var cluster = Find("Cluster", "postgres").Child("spec")!;
        var initdb = cluster.Child("bootstrap")!.Child("initdb")!;
        var created = initdb.Child("postInitSQL").Strings();
        foreach (var app in AppTopology.All)
            Assert.True(initdb.Child("database").Text() == app.Database || created.Contains($"CREATE DATABASE {app.Database} OWNER {initdb.Child("owner").Text()};"),
                $"{app.Database} is not created by the CloudNativePG cluster");
        Find("Service", "otel-collector");
        Find("Service", "jaeger");
    }

    [Fact]
    public void Postgres_is_a_highly_available_cloudnativepg_cluster_backed_up_to_an_object_store()
    {
        Assert.DoesNotContain(Manifests, m => m.Child("kind").Text() == "StatefulSet");
        var cluster = Find("Cluster", "postgres").Child("spec")!;
        Assert.Equal(AppTopology.Postgres.Instances.ToString(), cluster.Child("instances").Text());
        Assert.True(AppTopology.Postgres.Instances >= 3);
        Assert.Equal(AppTopology.Postgres.MaxConnections.ToString(), cluster.Child("postgresql")!.Child("parameters")!.Child("max_connections").Text());
        Assert.Equal("true", cluster.Child("affinity")!.Child("enablePodAntiAffinity").Text());
        Assert.Equal("kubernetes.io/hostname", cluster.Child("affinity")!.Child("topologyKey").Text());
        var store = cluster.Child("backup")!.Child("barmanObjectStore")!;
        Assert.StartsWith("s3://", store.Child("destinationPath").Text());
        var credentials = store.Child("s3Credentials")!;
        foreach (var part in new[] { "accessKeyId", "secretAccessKey" })
        {
            var reference = credentials.Child(part)!;
            Assert.NotNull(Find("Secret", reference.Child("name").Text()!).Child("stringData")!.Child(reference.Child("key").Text()!));
        }
        Assert.Equal("postgres", Find("ScheduledBackup", "postgres-daily").Child("spec")!.Child("cluster")!.Child("name").Text());
    }

    [Fact]
    public void A_pgbouncer_pooler_in_transaction_mode_sits_in_front_as_the_budget_says()
    {
        var pooler = Find("Pooler", "postgres-pooler-rw").Child("spec")!;
        var budget = AppTopology.Pooler;
        Assert.Equal("postgres", pooler.Child("cluster")!.Child("name").Text());
        Assert.Equal("rw", pooler.Child("type").Text());
        Assert.Equal(budget.Instances.ToString(), pooler.Child("instances").Text());
        var pgbouncer = pooler.Child("pgbouncer")!;
        Assert.Equal(budget.PoolMode, pgbouncer.Child("poolMode").Text());
        Assert.Equal(budget.DefaultPoolSize.ToString(), pgbouncer.Child("parameters")!.Child("default_pool_size").Text());
        Assert.Equal(budget.MaxClientConnections.ToString(), pgbouncer.Child("parameters")!.Child("max_client_conn").Text());
        // a transaction-mode pooler must not hand one call's session settings to the next
        Assert.Equal("1", pgbouncer.Child("parameters")!.Child("server_reset_query_always").Text());
        Find("PodDisruptionBudget", "postgres-pooler-rw");
    }

    [Theory]
    [MemberData(nameof(AppIds))]
    public void Every_app_connects_through_the_pooler_and_past_it_for_session_work(string appId)
    {
        var container = Container(appId);
        var env = ((YamlSequenceNode)container.Child("env")!).Children.ToDictionary(e => e.Child("name").Text()!, e => e);
        string SecretValue(string name)
        {
            var reference = env[name].Child("valueFrom")!.Child("secretKeyRef")!;
            return Find("Secret", reference.Child("name").Text()!).Child("stringData")!.Child(reference.Child("key").Text()!).Text()!;
        }
        var app = AppTopology.Get(appId);
        Assert.Contains("Host=postgres-pooler-rw.", SecretValue("ConnectionStrings__Default"));
        Assert.Contains("Host=postgres-rw.", SecretValue("ConnectionStrings__Direct"));
        Assert.Contains($"Database={app.Database}", SecretValue("ConnectionStrings__Direct"));
    }

    [Theory]
    [MemberData(nameof(AppIds))]
    public void Every_app_runs_two_copies_on_different_nodes_kept_through_disruptions_and_scaled_on_cpu(string appId)
    {
        var app = AppTopology.Get(appId);
        Assert.True(app.Replicas >= 2, $"{appId}: deploy/services.json gives fewer than two replicas");
        var deployment = Find("Deployment", appId).Child("spec")!;
        Assert.Equal(app.Replicas.ToString(), deployment.Child("replicas").Text());
        Assert.Equal("0", deployment.Child("strategy")!.Child("rollingUpdate")!.Child("maxUnavailable").Text());

        var pod = deployment.Child("template")!.Child("spec")!;
        var preferred = (YamlSequenceNode)pod.Child("affinity")!.Child("podAntiAffinity")!.Child("preferredDuringSchedulingIgnoredDuringExecution")!;
        var term = preferred.Children[0].Child("podAffinityTerm")!;
        Assert.Equal("kubernetes.io/hostname", term.Child("topologyKey").Text());
        Assert.Equal(appId, term.Child("labelSelector")!.Child("matchLabels")!.Child("app").Text());
        var spread = ((YamlSequenceNode)pod.Child("topologySpreadConstraints")!).Children[0];
        Assert.Equal("kubernetes.io/hostname", spread.Child("topologyKey").Text());
        Assert.Equal("DoNotSchedule", spread.Child("whenUnsatisfiable").Text());

        var budget = Find("PodDisruptionBudget", appId).Child("spec")!;
        Assert.Equal("1", budget.Child("minAvailable").Text());
        Assert.Equal(appId, budget.Child("selector")!.Child("matchLabels")!.Child("app").Text());

        var hpa = Find("HorizontalPodAutoscaler", appId).Child("spec")!;
        Assert.Equal(appId, hpa.Child("scaleTargetRef")!.Child("name").Text());
        Assert.Equal(app.Replicas.ToString(), hpa.Child("minReplicas").Text());
        Assert.Equal(app.MaxReplicas.ToString(), hpa.Child("maxReplicas").Text());
        var metric = ((YamlSequenceNode)hpa.Child("metrics")!).Children[0];
        Assert.Equal("cpu", metric.Child("resource")!.Child("name").Text());
        Assert.NotNull(Container(appId).Child("resources")!.Child("requests")!.Child("cpu"));
    }

    [Theory]
    [MemberData(nameof(AppIds))]
    public void Probes_and_the_grace_period_match_the_shutdown_the_app_makes(string appId)
    {
        var times = ShutdownTimes.Declared;
        var pod = Find("Deployment", appId).Child("spec")!.Child("template")!;
        Assert.Equal(((int)times.TerminationGracePeriod.TotalSeconds).ToString(), pod.Child("spec")!.Child("terminationGracePeriodSeconds").Text());
        // Kubernetes waits longer than the app takes at most, and the app's drain fits in its own timeout.
        Assert.True(times.TerminationGracePeriod > times.Timeout, "the grace period must exceed the app's shutdown timeout");
        Assert.True(times.Timeout > times.DrainDelay, "the shutdown timeout must leave time after the drain for calls in flight");
        // the readiness probe sees NOT_SERVING before the drain is over
        var readiness = Container(appId).Child("readinessProbe")!;
        var noticedWithin = int.Parse(readiness.Child("periodSeconds").Text()!) * int.Parse(readiness.Child("failureThreshold").Text()!);
        Assert.True(noticedWithin < times.DrainDelay.TotalSeconds, $"{appId}: readiness notices after {noticedWithin} s, the drain lasts {times.DrainDelay}");
        // the sidecar keeps proxying while the app finishes
        Assert.Equal(((int)times.Timeout.TotalSeconds).ToString(), pod.Child("metadata")!.Child("annotations")!.Child("dapr.io/graceful-shutdown-seconds").Text());
    }

    [Fact]
    public void The_admin_alone_gets_the_key_protecting_its_key_ring()
    {
        static IEnumerable<string?> SecretsOf(string appId) =>
            ((YamlSequenceNode)((YamlSequenceNode)Find("Deployment", appId).Child("spec")!.Child("template")!.Child("spec")!.Child("volumes")!)
                .Children[0].Child("projected")!.Child("sources")!).Children.Select(s => s.Child("secret")?.Child("name").Text());
        Assert.Contains("admin-data-protection-key", SecretsOf("admin"));
        foreach (var app in AppTopology.All.Where(a => a.AppId != "admin")) Assert.DoesNotContain("admin-data-protection-key", SecretsOf(app.AppId));
        Assert.Contains("admin-data-protection-key", File.ReadAllText(Repository.PathOf("deploy/k8s/05-security.yaml")));
        Assert.Contains("data-protection.$version.key", File.ReadAllText(Repository.PathOf("deploy/keys/generate.sh")));
    }

    [Fact]
    public void Only_the_open_data_routes_are_published_each_to_its_owner_which_trusts_the_ingress_for_addresses()
    {
        // the routes of the open-data contract (google.api.http), each published once
        var routes = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Repository.PathOf("protos/opendata/v1/opendata.proto")), "get: \"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(routes);
        var rules = (YamlSequenceNode)Find("Ingress", "open-data").Child("spec")!.Child("rules")!;
        var paths = rules.Children.SelectMany(r => ((YamlSequenceNode)r.Child("http")!.Child("paths")!).Children).ToList();
        Assert.Equal(routes.Order(), paths.Select(p => p.Child("path").Text()!).Order());
        foreach (var path in paths)
        {
            var service = path.Child("backend")!.Child("service")!;
            var app = AppTopology.Get(service.Child("name").Text()!);
            // the HTTP/1.1 port, where the JSON routes are served; never the admin's pages or a gRPC port
            Assert.Equal(app.HttpPort.ToString(), service.Child("port")!.Child("number").Text());
            Assert.NotEqual("admin", app.AppId);
            var env = ((YamlSequenceNode)Container(app.AppId).Child("env")!).Children.ToDictionary(e => e.Child("name").Text()!, e => e.Child("value")?.Text());
            Assert.True(env.TryGetValue("ForwardedHeaders__KnownNetworks", out var networks) && System.Net.IPNetwork.TryParse(networks, out _),
                $"{app.AppId} must name the ingress's network in ForwardedHeaders__KnownNetworks");
        }
    }

    private static YamlMappingNode Container(string appId) =>
        (YamlMappingNode)((YamlSequenceNode)Find("Deployment", appId).Child("spec")!.Child("template")!.Child("spec")!.Child("containers")!).Children[0];
}
