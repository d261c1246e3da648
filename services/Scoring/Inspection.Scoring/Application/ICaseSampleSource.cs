using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Application;

/// <summary>The inspection's current sample (case sampling owns it): its id and active cases with their attributes,
/// and what set cases of it aside (when it was drawn, its substitutions).</summary>
public interface ICaseSampleSource
{
    /// <summary>The current sample; <see cref="Inspection.Domain.PreconditionFailedException"/> when none is drawn.</summary>
    Task<CurrentSample> CurrentSampleAsync(string inspectionId, CancellationToken ct);

    /// <summary>The sample with the design it was drawn with (its strata's populations), for the design-based
    /// intervals; unchanged (no design) where case sampling cannot give it.</summary>
    Task<CurrentSample> WithDesignAsync(CurrentSample current, CancellationToken ct);

    /// <summary>When the sample was drawn and its substitutions; <see cref="SampleHistory.Unknown"/> when case sampling
    /// cannot say (a sample without an id).</summary>
    Task<SampleHistory> HistoryAsync(string sampleId, CancellationToken ct);

    /// <summary>The current sample; null when none is drawn.</summary>
    async Task<CurrentSample?> CurrentSampleOrNullAsync(string inspectionId, CancellationToken ct)
    {
        try
        {
            return await CurrentSampleAsync(inspectionId, ct);
        }
        catch (Inspection.Domain.PreconditionFailedException)
        {
            return null;
        }
    }
}
