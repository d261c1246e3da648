using System.Text.Json;

namespace Inspection.Security;

/// <summary>
/// The authorisation of every RPC of the system, read from rpc-policy.json (embedded): deny by default, so an RPC
/// that is not listed cannot be called by anyone.
/// </summary>
public sealed class RpcPolicy
{
    private readonly IReadOnlyDictionary<string, RpcRule> _rules;

    private RpcPolicy(IReadOnlyDictionary<string, RpcRule> rules, IReadOnlyDictionary<string, string> scopeDescriptions)
    {
        _rules = rules;
        ScopeDescriptions = scopeDescriptions;
    }

    /// <summary>"package.Service/Method" of every RPC the policy declares.</summary>
    public IEnumerable<string> Methods => _rules.Keys;

    public static RpcPolicy Embedded { get; } = Load();

    public RpcRule? RuleFor(string method) => _rules.GetValueOrDefault(method);

    /// <summary>Every integrator scope some RPC accepts: what an integrator can be granted.</summary>
    public IReadOnlySet<string> Scopes => _rules.Values.SelectMany(r => r.Scopes).ToHashSet(StringComparer.Ordinal);

    /// <summary>What each scope is for, in words an administrator and an integrator read (the admin, the guide).</summary>
    public IReadOnlyDictionary<string, string> ScopeDescriptions { get; }

    /// <summary>The scope's description, or nothing when the policy gives none.</summary>
    public string DescriptionOf(string scope) => ScopeDescriptions.GetValueOrDefault(scope, "");

    public static RpcPolicy Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var rules = new Dictionary<string, RpcRule>(StringComparer.Ordinal);
        foreach (var rpc in document.RootElement.GetProperty("rpcs").EnumerateObject())
        {
            var rule = rpc.Value;
            StaffRole? role = null;
            if (rule.TryGetProperty("role", out var r))
                role = Enum.TryParse<StaffRole>(r.GetString(), out var parsed) && Enum.IsDefined(parsed)
                    ? parsed : throw new InvalidDataException($"rpc-policy.json: {rpc.Name} names an unknown role '{r.GetString()}'");
            rules[rpc.Name] = new RpcRule(
                rule.TryGetProperty("anonymous", out var a) && a.GetBoolean(),
                role,
                Strings(rule, "services"),
                Strings(rule, "scopes"),
                rule.TryGetProperty("anyCaller", out var any) && any.GetBoolean(),
                rule.TryGetProperty("rateLimit", out var limit) ? limit.GetString() : null);
        }
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("scopeDescriptions", out var described))
            foreach (var scope in described.EnumerateObject()) descriptions[scope.Name] = scope.Value.GetString() ?? "";
        return new RpcPolicy(rules, descriptions);
    }

    private static HashSet<string> Strings(JsonElement rule, string name) =>
        rule.TryGetProperty(name, out var list)
            ? new HashSet<string>(list.EnumerateArray().Select(e => e.GetString()!), StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    private static RpcPolicy Load()
    {
        using var stream = typeof(RpcPolicy).Assembly.GetManifestResourceStream("rpc-policy.json")
            ?? throw new InvalidOperationException("rpc-policy.json is not embedded");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
