using Grpc.Core;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Assessments;

/// <summary>
/// What every page of one case's assessment reads: the inspection's framework, the case and its place in the sample
/// (for "case 3 of 48" and the next case), and the assessment stored so far (version 0 when none).
/// </summary>
public sealed record CaseInSample(
    Framework Framework, StandardSections Sections, SampledCase Case, int Position, int SampleSize, string? NextCase,
    CaseAssessment? Stored)
{
    public IReadOnlyDictionary<string, string> Answers { get; } =
        Stored?.Answers.Where(a => a.Answer_.Length > 0).ToDictionary(a => a.QuestionId, a => a.Answer_) ?? new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Notes { get; } =
        Stored?.Answers.Where(a => a.Note.Length > 0).ToDictionary(a => a.QuestionId, a => a.Note) ?? new Dictionary<string, string>();

    public long Version => Stored?.Version ?? 0;

    public string StaffGrade => Stored?.StaffGrade ?? "";

    /// <summary>Null when the case is not in the inspection's sample.</summary>
    public static async Task<CaseInSample?> LoadAsync(
        CaseSampling.CaseSamplingClient sampling, AssessmentScoring.AssessmentScoringClient scoring, string inspectionId, string caseReference, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var framework = scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = inspectionId }, options);
        var cases = new List<SampledCase>();
        await foreach (var c in sampling.ListSampleCases(new ListSampleCasesRequest { InspectionId = inspectionId }, options).ResponseStream.ReadAllAsync(ct)) cases.Add(c);
        var index = cases.FindIndex(c => c.CaseReference == caseReference);
        if (index < 0) return null;
        CaseAssessment? stored;
        try
        {
            stored = await scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = caseReference }, options);
            // An assessment of an earlier sample is kept, set aside: the case is assessed afresh in this one.
            if (stored.SetAside) stored = null;
        }
        catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            stored = null; // not assessed yet
        }
        var loaded = await framework;
        return new CaseInSample(loaded, new StandardSections(loaded), cases[index], index + 1, cases.Count,
            index + 1 < cases.Count ? cases[index + 1].CaseReference : null, stored);
    }
}
