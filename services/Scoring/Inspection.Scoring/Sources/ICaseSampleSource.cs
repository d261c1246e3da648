using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Sources;

/// <summary>The inspection's current sample (case sampling owns it): its id and active cases with their attributes,
/// and what set cases of it aside (when it was drawn, its substitutions).</summary>
public interface ICaseSampleSource
{
    /// <summary>The current sample; <see cref="Inspection.Domain.PreconditionFailedException"/> when none is drawn.</summary>
    Task<CurrentSample> CurrentSampleAsync(string inspectionId, CancellationToken ct);

    /// <summary>When the sample was drawn and its substitutions; <see cref="SampleHistory.Unknown"/> when case sampling
    /// cannot say (a sample without an id).</summary>
    Task<SampleHistory> HistoryAsync(string sampleId, CancellationToken ct);
}
