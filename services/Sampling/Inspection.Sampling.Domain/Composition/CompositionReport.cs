namespace Inspection.Sampling.Domain.Composition;

/// <summary>The composition check of a sample: one table per attribute.</summary>
public sealed record CompositionReport(long EligiblePopulation, int SampleSize, IReadOnlyList<AttributeComposition> Attributes);
