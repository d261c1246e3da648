using Google.Protobuf.Reflection;
using Inspection.Testing;

namespace Inspection.Fuzz.Tests;

/// <summary>One RPC as served by one process: where to send it and what its request message looks like.</summary>
public sealed record FuzzTarget(ServiceProcess Process, MethodDescriptor Method)
{
    public string Path => $"/{Method.Service.FullName}/{Method.Name}";

    public override string ToString() => $"{Process.AppId} {Method.Service.FullName}/{Method.Name}";

    /// <summary>A seed of its own from the run's seed and its name (stable across runs, unlike string.GetHashCode).</summary>
    public int Seed(int runSeed)
    {
        var hash = 2166136261u;
        foreach (var c in Process.AppId + Path) hash = (hash ^ c) * 16777619u;
        return runSeed ^ (int)hash;
    }
}
