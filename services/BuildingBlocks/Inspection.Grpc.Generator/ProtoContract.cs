using System.Collections.Generic;
using System.Collections.Immutable;

namespace Inspection.Grpc.Generator;

/// <summary>What the generator needs of one .proto file: its package, C# namespace, message names and services.</summary>
internal sealed record ProtoContract(string Path, string Package, string CSharpNamespace, ImmutableArray<string> Messages, ImmutableArray<ProtoService> Services)
{
    public bool Equals(ProtoContract? other) =>
        other is not null && Path == other.Path && Package == other.Package && CSharpNamespace == other.CSharpNamespace
        && Messages.SequenceEqual(other.Messages) && Services.SequenceEqual(other.Services);

    public override int GetHashCode() => Path.GetHashCode() ^ Package.GetHashCode();
}

internal sealed record ProtoService(string Name, ImmutableArray<ProtoMethod> Methods)
{
    public bool Equals(ProtoService? other) => other is not null && Name == other.Name && Methods.SequenceEqual(other.Methods);
    public override int GetHashCode() => Name.GetHashCode();
}

/// <summary>One rpc. Idempotent means the client may retry it on UNAVAILABLE (idempotency_level IDEMPOTENT or NO_SIDE_EFFECTS).</summary>
internal sealed record ProtoMethod(string Name, string RequestType, bool ClientStreaming, string ResponseType, bool ServerStreaming, bool Idempotent, int Line);

internal static class SequenceExtensions
{
    public static bool SequenceEqual<T>(this ImmutableArray<T> a, ImmutableArray<T> b)
    {
        if (a.Length != b.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
            if (!comparer.Equals(a[i], b[i])) return false;
        return true;
    }
}
