namespace Inspection.Evidence.Domain.Characteristics;

/// <summary>
/// An inspection's current sample as the characteristics table sees it: the attributes the sampling contract
/// carries, and the active sampled cases.
/// </summary>
public sealed record CaseSampleView(IReadOnlySet<string> Attributes, IReadOnlyList<SampledCaseFacts> Cases);
