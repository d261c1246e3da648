namespace Inspection.Scoring.Domain.Assessments;

/// <summary>
/// The inspection's current sample as case sampling gives it: its id, its active cases and the design it was drawn with. Only these cases count in
/// any figure (issue 19): an assessment counts when it belongs to this sample (or predates samples being recorded with
/// assessments) and its case is still active here.
/// </summary>
public sealed class CurrentSample
{
    /// <summary>The sample of assessments recorded before assessments carried their sample.</summary>
    public const string UnknownSample = "";

    private readonly HashSet<string> _active;

    public CurrentSample(string sampleId, IReadOnlyList<SampledCaseFacts> activeCases, SampleDesign? design = null)
    {
        SampleId = sampleId;
        ActiveCases = activeCases;
        Design = design;
        _active = activeCases.Select(c => c.CaseReference).ToHashSet(StringComparer.Ordinal);
    }

    public string SampleId { get; }
    public IReadOnlyList<SampledCaseFacts> ActiveCases { get; }
    public IReadOnlyCollection<string> ActiveReferences => _active;

    /// <summary>The strata and populations the sample was drawn with; null where case sampling cannot give them.</summary>
    public SampleDesign? Design { get; }

    public SampledCaseFacts? Find(string caseReference) => ActiveCases.FirstOrDefault(c => c.CaseReference == caseReference);

    /// <summary>Whether an assessment recorded against <paramref name="assessmentSampleId"/> for the case counts.</summary>
    public bool Counts(string assessmentSampleId, string caseReference) =>
        (assessmentSampleId == SampleId || assessmentSampleId == UnknownSample) && _active.Contains(caseReference);
}
