namespace Inspection.Statistics.Comparisons;

/// <summary>
/// P-values adjusted for the number of tests read together, so "significant" holds for the family and not only for
/// the one test. The same results as R's <c>p.adjust</c> with methods "holm" and "BH".
/// </summary>
public static class PValueAdjustment
{
    /// <summary>Holm's step-down adjustment: controls the chance of any false finding among the tests.</summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        Validate(pValues);
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        double running = 0;
        for (var rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }

    /// <summary>Benjamini and Hochberg's step-up adjustment: controls the expected share of false findings.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        Validate(pValues);
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderByDescending(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        double running = 1;
        for (var k = 0; k < m; k++)
        {
            var rank = m - k;   // 1-based rank from the smallest
            running = Math.Min(running, Math.Min(1, (double)m / rank * pValues[order[k]]));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }

    private static void Validate(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        for (var i = 0; i < pValues.Count; i++)
            if (!(pValues[i] is >= 0 and <= 1))
                throw new ArgumentOutOfRangeException(nameof(pValues), $"p-value {i} is {pValues[i]}; p-values lie between 0 and 1");
    }
}
