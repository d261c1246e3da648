using System.Text;
using Google.Protobuf.Reflection;
using Inspection.Security;
using Inspection.Testing;

namespace Inspection.Security.Tests;

/// <summary>
/// The integrator guide (protos/README.md) cannot drift from what the services enforce: its table of RPCs and its
/// table of scopes are generated from rpc-policy.json and the contracts' descriptors, and this test fails when the
/// guide holds anything else. To regenerate after changing the policy or a contract, run this test with
/// INSPECTION_WRITE_GUIDE=1 (it rewrites the generated part of the guide, then passes) and commit the guide.
/// </summary>
public sealed class IntegratorGuideTests
{
    private const string Begin = "<!-- BEGIN generated from rpc-policy.json by IntegratorGuideTests; do not edit by hand -->";
    private const string End = "<!-- END generated -->";

    private static string GuidePath => Path.Combine(ServiceProcess.RepositoryRoot, "protos", "README.md");

    [Fact]
    public void The_guide_s_tables_of_rpcs_and_scopes_are_the_policy()
    {
        var guide = File.ReadAllText(GuidePath).ReplaceLineEndings("\n");
        var start = guide.IndexOf(Begin, StringComparison.Ordinal);
        var end = guide.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"protos/README.md lacks the markers {Begin} ... {End}");
        var generated = Generate();
        var current = guide[(start + Begin.Length)..end];
        if (current != generated && Environment.GetEnvironmentVariable("INSPECTION_WRITE_GUIDE") == "1")
        {
            File.WriteAllText(GuidePath, guide[..(start + Begin.Length)] + generated + guide[end..]);
            return;
        }
        Assert.True(current == generated,
            "protos/README.md's tables differ from rpc-policy.json and the contracts; run this test with INSPECTION_WRITE_GUIDE=1 to regenerate them. Expected:\n" + generated);
    }

    [Fact]
    public void Every_scope_has_a_description_and_every_description_is_of_a_scope()
    {
        var policy = RpcPolicy.Embedded;
        Assert.DoesNotContain(policy.Scopes, s => string.IsNullOrWhiteSpace(policy.DescriptionOf(s)));
        Assert.DoesNotContain(policy.ScopeDescriptions.Keys, s => !policy.Scopes.Contains(s));
    }

    [Fact]
    public void The_readme_links_the_guide_and_the_guide_names_the_protoc_it_needs()
    {
        Assert.Contains("(protos/README.md)", File.ReadAllText(Path.Combine(ServiceProcess.RepositoryRoot, "README.md")));
        Assert.Contains("protoc 3.15", File.ReadAllText(GuidePath));
    }

    /// <summary>The generated part: one table row per RPC (by contract and service), then one per scope.</summary>
    internal static string Generate()
    {
        var policy = RpcPolicy.Embedded;
        var text = new StringBuilder("\n");
        foreach (var service in RpcPolicyTests.Contracts.SelectMany(f => f.Services))
        {
            text.Append($"\n#### `{service.FullName}` ({service.File.Name})\n\n");
            text.Append("| RPC | kind | integrator scopes (any one) | staff role (lowest) | services |\n| --- | --- | --- | --- | --- |\n");
            foreach (var method in service.Methods)
            {
                var rule = policy.RuleFor(service.FullName + "/" + method.Name)!;
                var scopes = rule.Anonymous ? "no token needed" : rule.AnyCaller ? "any (any valid token)" : rule.Scopes.Count == 0 ? "none" : string.Join(", ", rule.Scopes.Order(StringComparer.Ordinal).Select(s => $"`{s}`"));
                var role = rule.Anonymous || rule.AnyCaller ? "any" : rule.MinimumRole?.ToString() ?? "none";
                var services = rule.Services.Count == 0 ? "" : string.Join(", ", rule.Services.Order(StringComparer.Ordinal));
                text.Append($"| `{method.Name}` | {Kind(method)} | {scopes} | {role} | {services} |\n");
            }
        }
        text.Append("\n#### Scopes\n\n| scope | what it is for | RPCs it opens |\n| --- | --- | --- |\n");
        foreach (var scope in policy.Scopes.Order(StringComparer.Ordinal))
        {
            var rpcs = policy.Methods.Where(m => policy.RuleFor(m)!.Scopes.Contains(scope)).Order(StringComparer.Ordinal).Select(m => m.Split('/')[1]);
            text.Append($"| `{scope}` | {policy.DescriptionOf(scope)} | {string.Join(", ", rpcs)} |\n");
        }
        return text.Append('\n').ToString();
    }

    private static string Kind(MethodDescriptor method)
    {
        // grpc.health and grpc.reflection change nothing, though their contracts (not ours) do not say so.
        var read = method.GetOptions()?.IdempotencyLevel == MethodOptions.Types.IdempotencyLevel.NoSideEffects
                   || method.Service.File.Package.StartsWith("grpc.", StringComparison.Ordinal);
        var kind = read ? "read" : "write";
        if (method.IsClientStreaming && method.IsServerStreaming) return kind + ", both streams";
        if (method.IsServerStreaming) return kind + ", streams its answer";
        if (method.IsClientStreaming) return kind + ", streams its request";
        return kind;
    }
}
