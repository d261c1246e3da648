namespace Inspection.Statistics.Proportions;

/// <summary>
/// One sampled case as the estimator sees it: the stratum it was drawn from, whether it belongs to the domain being
/// estimated (a key question applies to it) and, if so, whether the answer was Yes. Cases outside the domain still
/// count: the design's variance is taken over the whole stratum sample, as a domain estimate must be.
/// </summary>
public readonly record struct SampledUnit(string Stratum, bool InDomain, bool Yes);
