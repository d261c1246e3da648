using System.Text.Json;
using Google.Protobuf.Reflection;
using Inspection.Security;
using Inspection.Testing;

namespace Inspection.Security.Tests;

/// <summary>The RPC policy is complete and names only what exists: deny by default must not mean "forgotten".</summary>
public sealed class RpcPolicyTests
{
    internal static readonly FileDescriptor[] Contracts =
    [
        Inspection.Recommendations.V1.RecommendationsReflection.Descriptor,
        Inspection.Recommendations.V1.PlansReflection.Descriptor,
        Inspection.Sampling.V1.SamplingReflection.Descriptor,
        Inspection.Scoring.V1.ScoringReflection.Descriptor,
        Inspection.Evidence.V1.EvidenceReflection.Descriptor,
        Inspection.Audit.V1.AuditReflection.Descriptor,
        Inspection.OpenData.V1.OpendataReflection.Descriptor,
        global::Grpc.Health.V1.HealthReflection.Descriptor,
        global::Grpc.Reflection.V1.ReflectionReflection.Descriptor,
        global::Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor,
    ];

    private static IEnumerable<string> EveryRpc() =>
        Contracts.SelectMany(f => f.Services).SelectMany(s => s.Methods).Select(m => m.Service.FullName + "/" + m.Name);

    [Fact]
    public void Every_rpc_of_every_contract_has_a_rule()
    {
        var missing = EveryRpc().Where(rpc => RpcPolicy.Embedded.RuleFor(rpc) is null).ToList();
        Assert.True(EveryRpc().Count() > 60, "the contracts were not found");
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_rule_names_an_rpc_that_exists()
    {
        var known = EveryRpc().ToHashSet();
        var stale = RpcPolicy.Embedded.Methods.Where(m => !known.Contains(m)).ToList();
        Assert.True(stale.Count == 0, "rules for RPCs that do not exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void Only_the_health_check_and_the_open_data_are_anonymous_and_every_write_needs_at_least_an_inspector()
    {
        var anonymous = RpcPolicy.Embedded.Methods.Where(m => RpcPolicy.Embedded.RuleFor(m)!.Anonymous).Order(StringComparer.Ordinal).ToList();
        var openData = Inspection.OpenData.V1.OpendataReflection.Descriptor.Services.SelectMany(s => s.Methods).ToList();
        Assert.Equal(
            ["grpc.health.v1.Health/Check", "grpc.health.v1.Health/Watch", .. openData.Select(m => m.Service.FullName + "/" + m.Name)],
            anonymous);
        // The open data: published aggregates, read only, and rate-limited whoever calls.
        Assert.All(openData, m =>
        {
            Assert.Equal(MethodOptions.Types.IdempotencyLevel.NoSideEffects, m.GetOptions().IdempotencyLevel);
            Assert.Equal(Inspection.ServiceDefaults.OpenDataHosting.RateLimitPolicy, RpcPolicy.Embedded.RuleFor(m.Service.FullName + "/" + m.Name)!.RateLimit);
        });

        var writes = RpcPolicy.Embedded.Methods.Where(m =>
            m.Split('/')[1] is var name && (name.StartsWith("Create") || name.StartsWith("Record") || name.StartsWith("Add")
                || name.StartsWith("Update") || name.StartsWith("Withdraw") || name.StartsWith("Draw") || name.StartsWith("Substitute") || name.StartsWith("Publish")));
        Assert.All(writes, m => Assert.True(RpcPolicy.Embedded.RuleFor(m)!.MinimumRole >= StaffRole.Inspector, m));
        // No service may write to another service's data: service-to-service calls are reads.
        Assert.All(writes, m => Assert.Empty(RpcPolicy.Embedded.RuleFor(m)!.Services));
    }

    [Fact]
    public void Services_named_in_the_policy_are_apps_of_the_topology()
    {
        using var topology = JsonDocument.Parse(File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "deploy", "services.json")));
        var apps = topology.RootElement.GetProperty("apps").EnumerateArray().Select(a => a.GetProperty("appId").GetString()).ToHashSet();
        var named = RpcPolicy.Embedded.Methods.SelectMany(m => RpcPolicy.Embedded.RuleFor(m)!.Services).ToHashSet();
        Assert.NotEmpty(named);
        Assert.All(named, app => Assert.Contains(app, apps));
    }

    [Fact]
    public void A_policy_naming_an_unknown_role_is_refused_at_start()
    {
        var e = Assert.Throws<InvalidDataException>(() => RpcPolicy.Parse("""{ "rpcs": { "a.B/C": { "role": "Superuser" } } }"""));
        Assert.Contains("Superuser", e.Message);
    }
}
