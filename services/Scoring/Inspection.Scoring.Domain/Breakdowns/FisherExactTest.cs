using MathNet.Numerics.Distributions;

namespace Inspection.Scoring.Domain.Breakdowns;

/// <summary>
/// Fisher's exact test on a 2x2 table (group Yes/No against the rest of the sample's Yes/No), two-sided: the sum of
/// the hypergeometric probabilities of every table with the same margins no more likely than the observed one.
/// </summary>
public static class FisherExactTest
{
    /// <summary>Relative tolerance so tables exactly as likely as the observed one are counted despite rounding.</summary>
    private const double Tolerance = 1e-7;

    public static double TwoSidedP(int groupYes, int groupNo, int restYes, int restNo)
    {
        if (groupYes < 0 || groupNo < 0 || restYes < 0 || restNo < 0) throw new ArgumentOutOfRangeException(nameof(groupYes), "counts are never negative");
        var population = groupYes + groupNo + restYes + restNo;
        var successes = groupYes + restYes;
        var draws = groupYes + groupNo;
        if (population == 0) return 1;
        var low = Math.Max(0, draws - (population - successes));
        var high = Math.Min(draws, successes);
        var observed = Hypergeometric.PMF(population, successes, draws, groupYes);
        var p = 0.0;
        for (var x = low; x <= high; x++)
        {
            var probability = Hypergeometric.PMF(population, successes, draws, x);
            if (probability <= observed * (1 + Tolerance)) p += probability;
        }
        return Math.Min(1, p);
    }
}
