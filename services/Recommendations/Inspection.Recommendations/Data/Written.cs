namespace Inspection.Recommendations.Data;

/// <summary>What a write returned, and whether it was a replay of an earlier request with the same request id (nothing new written).</summary>
public sealed record Written<T>(T Value, bool Replayed);
