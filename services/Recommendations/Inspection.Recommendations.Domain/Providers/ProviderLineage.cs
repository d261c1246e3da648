namespace Inspection.Recommendations.Domain.Providers;

/// <summary>
/// The register's restructures as a graph: who each provider was formed from, and what was formed from it.
/// Must stay acyclic: a provider can never be its own ancestor.
/// </summary>
public sealed class ProviderLineage
{
    private readonly ILookup<Guid, PredecessorLink> _bySuccessor;
    private readonly ILookup<Guid, PredecessorLink> _byPredecessor;

    public ProviderLineage(IEnumerable<PredecessorLink> links)
    {
        Links = links.ToList();
        _bySuccessor = Links.ToLookup(l => l.SuccessorId);
        _byPredecessor = Links.ToLookup(l => l.PredecessorId);
    }

    public IReadOnlyList<PredecessorLink> Links { get; }

    /// <summary>Every provider the given one was formed from, nearest first, each once.</summary>
    public IReadOnlyList<LineageStep> AncestorsOf(Guid providerId) => Walk(providerId, id => _bySuccessor[id], l => l.PredecessorId);

    /// <summary>Every provider formed from the given one, nearest first, each once.</summary>
    public IReadOnlyList<LineageStep> SuccessorsOf(Guid providerId) => Walk(providerId, id => _byPredecessor[id], l => l.SuccessorId);

    /// <summary>The provider itself and all its ancestors: whose recommendations an inspection of it judges.</summary>
    public IReadOnlySet<Guid> ReachOf(Guid providerId)
    {
        var reach = AncestorsOf(providerId).Select(s => s.ProviderId).ToHashSet();
        reach.Add(providerId);
        return reach;
    }

    /// <summary>Refuses a restructure that would repeat an existing link or make the successor its own ancestor.</summary>
    public void EnsureCanRecord(NewRestructure restructure)
    {
        var violations = new List<FieldViolation>();
        for (var i = 0; i < restructure.Predecessors.Count; i++)
        {
            var predecessor = restructure.Predecessors[i].ProviderId;
            var field = $"predecessors[{i}].provider_id";
            if (predecessor == restructure.SuccessorId)
                violations.Add(new FieldViolation(field, "a provider cannot be its own predecessor (it would become its own ancestor)"));
            else if (AncestorsOf(predecessor).Any(s => s.ProviderId == restructure.SuccessorId))
                violations.Add(new FieldViolation(field,
                    $"provider {Identifier.Format(restructure.SuccessorId)} is already an ancestor of {Identifier.Format(predecessor)}: recording it as a predecessor would make the provider its own ancestor"));
            else if (_bySuccessor[restructure.SuccessorId].Any(l => l.PredecessorId == predecessor))
                violations.Add(new FieldViolation(field, $"{Identifier.Format(predecessor)} is already a predecessor of this provider"));
        }
        ValidationException.ThrowIfAny(violations);
    }

    private static List<LineageStep> Walk(Guid start, Func<Guid, IEnumerable<PredecessorLink>> next, Func<PredecessorLink, Guid> other)
    {
        // Breadth first, so each provider is reported at its nearest generation.
        var steps = new List<LineageStep>();
        var seen = new HashSet<Guid> { start };
        var frontier = new List<Guid> { start };
        for (var generation = 1; frontier.Count > 0; generation++)
        {
            var nextFrontier = new List<Guid>();
            foreach (var id in frontier)
            {
                foreach (var link in next(id).OrderBy(l => l.EffectiveOn).ThenBy(l => other(l)))
                {
                    var reached = other(link);
                    if (!seen.Add(reached)) continue;
                    steps.Add(new LineageStep(reached, link, generation));
                    nextFrontier.Add(reached);
                }
            }
            frontier = nextFrontier;
        }
        return steps;
    }
}
