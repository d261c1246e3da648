namespace Inspection.Sampling.Domain;

/// <summary>The composition check of a sample: one table per attribute.</summary>
public sealed record CompositionReport(long EligiblePopulation, int SampleSize, IReadOnlyList<AttributeComposition> Attributes);
