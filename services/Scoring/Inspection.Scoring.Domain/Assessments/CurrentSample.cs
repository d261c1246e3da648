namespace Inspection.Scoring.Domain.Assessments;

/// <summary>
/// The inspection's current sample as case sampling gives it: its id and its active cases. Only these cases count in
/// any figure (issue 19): an assessment counts when it belongs to this sample (or predates samples being recorded with
/// assessments) and its case is still active here.
/// </summary>
public sealed class CurrentSample
{
    /// <summary>The sample of assessments recorded before assessments carried their sample.</summary>
    public const string UnknownSample = "";

    private readonly HashSet<string> _active;

    public CurrentSample(string sampleId, IReadOnlyList<SampledCaseFacts> activeCases)
    {
        SampleId = sampleId;
        ActiveCases = activeCases;
        _active = activeCases.Select(c => c.CaseReference).ToHashSet(StringComparer.Ordinal);
    }

    public string SampleId { get; }
    public IReadOnlyList<SampledCaseFacts> ActiveCases { get; }
    public IReadOnlyCollection<string> ActiveReferences => _active;

    public SampledCaseFacts? Find(string caseReference) => ActiveCases.FirstOrDefault(c => c.CaseReference == caseReference);

    /// <summary>Whether an assessment recorded against <paramref name="assessmentSampleId"/> for the case counts.</summary>
    public bool Counts(string assessmentSampleId, string caseReference) =>
        (assessmentSampleId == SampleId || assessmentSampleId == UnknownSample) && _active.Contains(caseReference);
}
