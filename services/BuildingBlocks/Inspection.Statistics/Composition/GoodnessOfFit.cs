namespace Inspection.Statistics.Composition;

/// <summary>
/// Pearson's goodness of fit of a sample's counts to its population's, for a sample drawn without replacement.
/// </summary>
/// <param name="PearsonStatistic">Sum of (observed - expected)^2 / expected, as a simple random sample from an infinite
/// population would have it.</param>
/// <param name="Statistic">The same with the finite population correction, times (N - 1) / (N - n): without replacement the
/// counts vary less, and the uncorrected statistic would be too small by that factor.</param>
/// <param name="DegreesOfFreedom">Values present in the population, less one.</param>
/// <param name="PValue">The chance of a statistic at least this large if the sample were drawn at random: the upper tail,
/// never 0.</param>
/// <param name="MinimumExpected">The smallest expected count; below 5 the chi-square approximation is not used.</param>
/// <param name="Seed">The simulation's seed, when simulated.</param>
/// <param name="Draws">How many samples were simulated, when simulated.</param>
public sealed record GoodnessOfFit(
    double PearsonStatistic,
    double Statistic,
    int DegreesOfFreedom,
    double PValue,
    PValueMethod Method,
    double MinimumExpected,
    int? Seed,
    int? Draws);
