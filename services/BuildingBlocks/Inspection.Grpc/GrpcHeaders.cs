using Microsoft.AspNetCore.Http;

namespace Inspection.Grpc;

internal static class GrpcHeaders
{
    /// <summary>The grpc-encoding the peer declared for its messages; null for none (identity).</summary>
    public static string? GrpcEncoding(this IHeaderDictionary headers) =>
        headers.TryGetValue("grpc-encoding", out var value) && value.Count > 0 && value[0] is { Length: > 0 } encoding ? encoding : null;
}
