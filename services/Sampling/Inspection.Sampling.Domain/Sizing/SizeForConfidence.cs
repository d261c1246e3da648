namespace Inspection.Sampling.Domain.Sizing;

/// <summary>
/// A size computed for a confidence level and margin of error, all in percent: 95 means 95%, a margin of 5
/// means plus or minus 5 percentage points, an expected proportion of 50 means p = 0.5 (the most cautious).
/// </summary>
public sealed record SizeForConfidence(double ConfidenceLevel, double MarginOfError, double ExpectedProportion = 50);
