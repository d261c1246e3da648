using Grpc.Core;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>A request the service refused: the status a gRPC caller sees, the message and the fields named.</summary>
public sealed class Refusal(StatusCode code, string message, IReadOnlyList<string> fields) : Exception($"{code}: {message}")
{
    public StatusCode Code { get; } = code;
    public string Reason { get; } = message;
    public IReadOnlyList<string> Fields { get; } = fields;
}
