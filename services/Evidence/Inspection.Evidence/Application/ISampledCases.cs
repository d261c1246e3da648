namespace Inspection.Evidence.Application;

/// <summary>An inspection's current sample, owned by case sampling.</summary>
public interface ISampledCases
{
    /// <summary>The active cases of the inspection's current sample (none when no sample is drawn yet).</summary>
    Task<CaseSampleView> GetCurrentSampleAsync(string inspectionId, CancellationToken ct);
}
