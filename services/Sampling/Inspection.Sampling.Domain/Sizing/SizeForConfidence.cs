namespace Inspection.Sampling.Domain.Sizing;

/// <summary>
/// A size computed for a confidence level and margin of error, all in percent: 95 means 95%, a margin of 5
/// means plus or minus 5 percentage points, an expected proportion of 50 means p = 0.5 (the most cautious).
/// <see cref="ApplicableShare"/> plans for a question that applies to part of the sample (the inspector's expected
/// share of cases, e.g. 40 for the cases with a court report): the margin then holds on that part, so the whole sample
/// is larger. 100 (the default) plans for the whole sample.
/// </summary>
public sealed record SizeForConfidence(double ConfidenceLevel, double MarginOfError, double ExpectedProportion = 50, double ApplicableShare = 100);
