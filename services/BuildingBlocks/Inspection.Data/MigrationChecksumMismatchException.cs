namespace Inspection.Data;

/// <summary>
/// An applied migration's script has changed since it ran. Applied migrations are history: the fix is a new
/// migration, never an edit, so start-up refuses rather than guessing.
/// </summary>
public sealed class MigrationChecksumMismatchException(string version, string recordedChecksum, string fileChecksum)
    : Exception($"Migration '{version}' was applied with checksum {recordedChecksum} but the embedded script now has " +
                $"checksum {fileChecksum}. Applied migrations must not be edited; add a new migration instead.")
{
    public string Version { get; } = version;
    public string RecordedChecksum { get; } = recordedChecksum;
    public string FileChecksum { get; } = fileChecksum;
}
