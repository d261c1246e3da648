using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Inspection.Testing;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// Every RPC to fuzz, found rather than listed: every service of every .proto compiled into Inspection.Contracts
/// (the generated *Reflection classes' descriptors), at every process that serves it. Which process serves which
/// service is asked of the processes themselves (a call with no message: UNIMPLEMENTED "not served here" where it is
/// not served, INVALID_ARGUMENT where it is), so a new RPC or service is fuzzed without touching this project.
/// </summary>
public static class FuzzTargets
{
    public static IReadOnlyList<ServiceDescriptor> ContractServices() =>
        typeof(Inspection.Recommendations.V1.RecommendationsReflection).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection") && t.IsAbstract && t.IsSealed)
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .SelectMany(f => f.Services)
            .OrderBy(s => s.FullName, StringComparer.Ordinal)
            .ToList();

    public static async Task<IReadOnlyList<FuzzTarget>> DiscoverAsync(IEnumerable<ServiceProcess> processes, RawGrpc raw)
    {
        var targets = new List<FuzzTarget>();
        foreach (var process in processes)
            foreach (var service in ContractServices())
            {
                var probe = await raw.SendAsync(process, $"/{service.FullName}/{service.Methods[0].Name}", [], "application/grpc", [], TimeSpan.FromSeconds(10));
                if (probe.Code == StatusCode.Unimplemented && probe.Message.Contains("not served here")) continue;
                targets.AddRange(service.Methods.Select(m => new FuzzTarget(process, m)));
            }
        return targets;
    }
}
