namespace Inspection.Sampling.Domain;

/// <summary>
/// Finds a case's stratum quickly for a million cases: each attribute value gets a number on first sight, and
/// the numbers lead down a small tree to the stratum's number; the stratum's key text is built once per stratum.
/// Strata are numbered in the order first met (the draw orders them by key afterwards).
/// </summary>
public sealed class StratumIndex
{
    private readonly DrawPlan _plan;
    private readonly Dictionary<string, int>[] _valueIds;
    private readonly Dictionary<(int Node, int Value), int> _children = [];
    private readonly Dictionary<int, int> _stratumOfLeaf = [];
    private readonly List<string> _keys = [];
    private readonly string[] _parts;
    private int _nodes = 1;

    public StratumIndex(DrawPlan plan)
    {
        _plan = plan;
        _parts = new string[plan.StratifyBy.Count + (plan.Split is null ? 0 : 1)];
        _valueIds = new Dictionary<string, int>[_parts.Length];
        for (var i = 0; i < _parts.Length; i++) _valueIds[i] = new Dictionary<string, int>(StringComparer.Ordinal);
    }

    /// <summary>Stratum keys by stratum number.</summary>
    public IReadOnlyList<string> Keys => _keys;

    public int StratumOf(CaseRecord c)
    {
        var node = 0;
        var part = 0;
        if (_plan.Split is not null) node = Step(node, part++, _plan.Split.GroupOf(c)!.Name);
        foreach (var attribute in _plan.StratifyBy) node = Step(node, part++, attribute.ValueOf(c));
        if (_stratumOfLeaf.TryGetValue(node, out var stratum)) return stratum;
        stratum = _keys.Count;
        _stratumOfLeaf.Add(node, stratum);
        _keys.Add(CaseSampler.StratumKey(c, _plan, _parts));
        return stratum;
    }

    private int Step(int node, int part, string value)
    {
        var ids = _valueIds[part];
        if (!ids.TryGetValue(value, out var id))
        {
            id = ids.Count;
            ids.Add(value, id);
        }
        if (!_children.TryGetValue((node, id), out var child))
        {
            child = _nodes++;
            _children.Add((node, id), child);
        }
        return child;
    }
}
