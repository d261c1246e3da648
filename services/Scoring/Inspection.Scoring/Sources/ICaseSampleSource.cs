using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Sources;

/// <summary>The inspection's current sample (case sampling owns it): active cases with their attributes.</summary>
public interface ICaseSampleSource
{
    Task<IReadOnlyList<SampledCaseFacts>> ListSampleCasesAsync(string inspectionId, CancellationToken ct);
}
