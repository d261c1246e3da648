using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Inspection.Testing;

namespace Inspection.Fuzz.Tests;

/// <summary>
/// Every RPC to fuzz, found rather than listed: every service of every .proto compiled into Inspection.Contracts
/// (the generated *Reflection classes' descriptors), at every process that serves it. Which process serves which
/// RPC is asked of the processes themselves, one call with no message per RPC: grpc-dotnet answers UNIMPLEMENTED
/// ("Service is unimplemented." / "Method is unimplemented.") to a path it has no endpoint for (the RPC policy lets
/// such a path through), and anything else where it serves the RPC (today its INTERNAL "Incomplete message." for the
/// missing message, see <see cref="FramingGap"/>; a refusal would be UNAUTHENTICATED or PERMISSION_DENIED).
/// So a new RPC or service is fuzzed without touching this project, and a method of a served service that is not
/// bound is missing from the targets (which the discovery test catches).
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
            foreach (var method in ContractServices().SelectMany(s => s.Methods))
            {
                var target = new FuzzTarget(process, method);
                var probe = await raw.SendAsync(process, target.Path, [], "application/grpc", [], TimeSpan.FromSeconds(10));
                if (probe.Code is null)
                    throw new InvalidOperationException($"{target}: the discovery probe got no grpc-status: {probe}");
                if (probe.Code == StatusCode.Unimplemented) continue;
                targets.Add(target);
            }
        return targets;
    }
}
