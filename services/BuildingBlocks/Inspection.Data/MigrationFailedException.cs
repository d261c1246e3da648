namespace Inspection.Data;

/// <summary>A migration's script failed; its transaction was rolled back, so nothing of it remains.</summary>
public sealed class MigrationFailedException(string version, Exception inner)
    : Exception($"Migration '{version}' failed and was rolled back: {inner.Message}", inner)
{
    public string Version { get; } = version;
}
