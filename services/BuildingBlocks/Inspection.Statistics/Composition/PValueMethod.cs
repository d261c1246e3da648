namespace Inspection.Statistics.Composition;

/// <summary>How a goodness-of-fit p-value was found.</summary>
public enum PValueMethod
{
    /// <summary>The chi-square approximation, used when every expected count is 5 or more.</summary>
    ChiSquare,

    /// <summary>Every sample the draw could have given, weighed by its multivariate hypergeometric probability.</summary>
    Exact,

    /// <summary>Seeded draws without replacement from the population, where the exact sum has too many terms.</summary>
    Simulated,
}
