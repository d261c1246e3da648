using System.Collections.Concurrent;
using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Application;

/// <summary>
/// The framework an inspection is computed under: the version it was pinned to by its first write. Usually that is
/// the loaded version; if the data file has changed since, the stored definition is read back (and cached), so an
/// inspection's ratings never change because a framework file did.
/// </summary>
public sealed class FrameworkResolver(FrameworkCatalogue catalog)
{
    private readonly ConcurrentDictionary<string, Framework> _byVersion = new(StringComparer.Ordinal);

    public Framework ForPinned(PinnedInspection pinned) => ForVersion(pinned.FrameworkId, pinned.FrameworkVersion, pinned.Definition);

    public Framework ForVersion(string frameworkId, string version, string definition)
    {
        if (catalog.TryGet(frameworkId, out var current) && current.Version == version) return current;
        return _byVersion.GetOrAdd(version, _ => FrameworkReader.FromDefinition(definition));
    }
}
