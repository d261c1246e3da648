namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>Each provider's predecessors (restructures), followed back through every generation.</summary>
public sealed class ProviderAncestry(IEnumerable<(Guid Successor, Guid Predecessor)> links)
{
    private readonly ILookup<Guid, Guid> _predecessors = links.ToLookup(l => l.Successor, l => l.Predecessor);

    public static readonly ProviderAncestry None = new([]);

    /// <summary>The provider and every provider it was formed from.</summary>
    public IReadOnlySet<Guid> LineOf(Guid providerId)
    {
        var line = new HashSet<Guid> { providerId };
        var next = new Queue<Guid>([providerId]);
        while (next.TryDequeue(out var current))
            foreach (var predecessor in _predecessors[current])
                if (line.Add(predecessor)) next.Enqueue(predecessor);
        return line;
    }
}
