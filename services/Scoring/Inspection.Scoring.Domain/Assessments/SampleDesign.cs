using Inspection.Statistics.Proportions;

namespace Inspection.Scoring.Domain.Assessments;

/// <summary>
/// How the current sample was drawn, as case sampling recorded it: each stratum's population (the eligible cases it
/// held at the draw), each active case's stratum, and whether a fixed split allocated it. The ratings' design-based
/// intervals are computed from it (README "Statistics").
/// </summary>
public sealed class SampleDesign
{
    private SampleDesign(StratifiedDesign strata, IReadOnlyDictionary<string, string> stratumByCase, bool fixedSplit)
    {
        Strata = strata;
        StratumByCase = stratumByCase;
        FixedSplit = fixedSplit;
        SelfWeighting = !fixedSplit && IsProportional(strata, stratumByCase);
    }

    public StratifiedDesign Strata { get; }

    /// <summary>Each active case's stratum, by case reference.</summary>
    public IReadOnlyDictionary<string, string> StratumByCase { get; }

    public bool FixedSplit { get; }

    /// <summary>
    /// Every case stands for the same share of the caseload, so the printed k of n is also the caseload's estimate:
    /// no fixed split was used and every stratum holds its proportional share of the sample, n x N_h / N, to within
    /// one case (what largest-remainder rounding allows). A quota that lifted a stratum by a case or more, or a split,
    /// makes the sample not self-weighting.
    /// </summary>
    public bool SelfWeighting { get; }

    /// <summary>The design, or null where what case sampling gives cannot be one (no strata, a case from a stratum
    /// it does not list, a stratum with more sampled cases than population): the intervals then fall back to Wilson.</summary>
    public static SampleDesign? TryCreate(
        IReadOnlyDictionary<string, long> populationByStratum, IReadOnlyDictionary<string, string> stratumByCase, bool fixedSplit)
    {
        var populated = populationByStratum.Where(s => s.Value > 0).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        if (populated.Count == 0 || stratumByCase.Count == 0) return null;
        foreach (var group in stratumByCase.Values.GroupBy(s => s, StringComparer.Ordinal))
            if (!populated.TryGetValue(group.Key, out var population) || group.Count() > population) return null;
        return new SampleDesign(new StratifiedDesign(populated), stratumByCase, fixedSplit);
    }

    /// <summary>
    /// Every active case as the estimator sees it for one key question: in its domain when it has an applicable
    /// answer (<paramref name="applicableAnswers"/>: case reference to Yes), otherwise outside it (Not applicable, or
    /// not yet assessed), where it still counts in its stratum's spread.
    /// </summary>
    public IReadOnlyList<SampledUnit> UnitsFor(IReadOnlyDictionary<string, bool> applicableAnswers) =>
        StratumByCase
            .Select(c => applicableAnswers.TryGetValue(c.Key, out var yes)
                ? new SampledUnit(c.Value, true, yes)
                : new SampledUnit(c.Value, false, false))
            .ToList();

    private static bool IsProportional(StratifiedDesign strata, IReadOnlyDictionary<string, string> stratumByCase)
    {
        var sampled = stratumByCase.Values.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        double n = stratumByCase.Count, population = strata.Population;
        return strata.PopulationByStratum.All(s => Math.Abs(sampled.GetValueOrDefault(s.Key) - n * s.Value / population) < 1);
    }
}
