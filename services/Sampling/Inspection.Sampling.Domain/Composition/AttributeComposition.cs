using Inspection.Statistics.Composition;

namespace Inspection.Sampling.Domain.Composition;

/// <summary>
/// Sample against eligible population for one attribute. <see cref="ChiSquare"/> and <see cref="PValue"/> are Pearson's
/// statistic and its chi-square p-value as a simple random sample from an unlimited population would have them (the
/// contract's documented figures, kept for integrators). <see cref="Fit"/> is the test that means something: with the
/// finite population correction and an exact or simulated p-value where counts are small; absent where the draw set
/// the attribute's counts itself (<see cref="FixedBy"/> says how), since a test of those tells nothing.
/// </summary>
public sealed record AttributeComposition(
    string Attribute,
    IReadOnlyList<CompositionRow> Rows,
    double ChiSquare,
    int DegreesOfFreedom,
    double? PValue,
    string Note,
    string? FixedBy,
    GoodnessOfFit? Fit);
