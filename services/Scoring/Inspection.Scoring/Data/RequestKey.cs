namespace Inspection.Scoring.Data;

/// <summary>A client request id and the hash of the request's content: a retry with both the same replays the first
/// result; the same id with other content is refused.</summary>
public sealed record RequestKey(string Id, string Hash)
{
    /// <summary>No request id: a write made by the service itself, not retried by a client.</summary>
    public static readonly RequestKey None = new("", "");

    public bool IsPresent => !string.IsNullOrEmpty(Id);
}
