namespace Inspection.Statistics.Proportions;

/// <summary>
/// A stratified sample drawn without replacement: how many cases each stratum held when the sample was drawn.
/// </summary>
public sealed class StratifiedDesign
{
    private readonly Dictionary<string, long> _population;

    public StratifiedDesign(IReadOnlyDictionary<string, long> populationByStratum)
    {
        ArgumentNullException.ThrowIfNull(populationByStratum);
        if (populationByStratum.Count == 0) throw new ArgumentException("a design needs at least one stratum", nameof(populationByStratum));
        foreach (var (stratum, count) in populationByStratum)
            if (count < 1) throw new ArgumentException($"stratum '{stratum}' has a population of {count}; each needs at least one case", nameof(populationByStratum));
        _population = new Dictionary<string, long>(populationByStratum, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, long> PopulationByStratum => _population;

    public long Population => _population.Values.Sum();

    public long PopulationOf(string stratum) =>
        _population.TryGetValue(stratum, out var count)
            ? count
            : throw new ArgumentException($"case from stratum '{stratum}', which the design does not have");
}
