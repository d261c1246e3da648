namespace Inspection.Sampling.Domain.Composition;

/// <summary>One value of an attribute: eligible population and sample counts, shares, and the count the sample would hold in exact proportion.</summary>
public sealed record CompositionRow(string Value, long Population, double PopulationShare, int Sample, double SampleShare, double Expected);
