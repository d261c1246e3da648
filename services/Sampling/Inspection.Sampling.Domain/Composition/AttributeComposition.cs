namespace Inspection.Sampling.Domain.Composition;

/// <summary>Sample against eligible population for one attribute, with Pearson's chi-square goodness-of-fit test.</summary>
public sealed record AttributeComposition(
    string Attribute,
    IReadOnlyList<CompositionRow> Rows,
    double ChiSquare,
    int DegreesOfFreedom,
    double? PValue,
    string Note);
