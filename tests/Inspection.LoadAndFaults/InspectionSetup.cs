using Inspection.Evidence.V1;
using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;

namespace Inspection.LoadAndFaults;

/// <summary>
/// Seeds, through the services' gRPC APIs, what the inspectors need: a provider and an inspection (pdu-2021-2023) in
/// recommendation tracking, a generated caseload imported and sealed in case sampling and a sample drawn from it; then
/// reads the framework (key questions of the case standards, domain-one standards, rating words) the way a client
/// would. The same setup drawn again (<see cref="AddInspectionAsync"/>) gives an inspection with the same cases.
/// </summary>
public sealed class InspectionSetup(InspectionSystem system, string runId)
{
    public const string FrameworkId = "pdu-2021-2023";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private RecommendationTracking.RecommendationTrackingClient Register => system.Client<RecommendationTracking.RecommendationTrackingClient>(ServiceTopology.RecommendationTracking);
    private CaseSampling.CaseSamplingClient Sampling => system.Client<CaseSampling.CaseSamplingClient>(ServiceTopology.CaseSampling);

    private static CallOptions Options => new(deadline: DateTime.UtcNow + Deadline);

    public async Task<SeededInspection> SeedAsync(int caseloadSize, int sampleSize)
    {
        var provider = await Register.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = $"{runId}:provider", Name = $"Load and Faults PDU {runId}", Type = "pdu", Region = "West Midlands",
            ActiveFrom = "2021-06-26", CreatedBy = "load-and-faults",
        }, Options);

        var started = await Sampling.StartPopulationImportAsync(new StartPopulationImportRequest
        {
            RequestId = $"{runId}:import", ProviderId = provider.ProviderId, TakenOn = "2022-05-01", Description = "generated caseload",
        }, Options);
        var caseload = GeneratedCaseload.Create(caseloadSize, seed: 2022);
        for (var i = 0; i < caseload.Count; i += 5_000)
        {
            var batch = new ImportPopulationRequest { SnapshotId = started.SnapshotId, FirstRowNumber = i + 2 };
            batch.Cases.AddRange(caseload.Skip(i).Take(5_000));
            await Sampling.ImportPopulationAsync(batch, Options);
        }
        var snapshot = await Sampling.CompletePopulationImportAsync(
            new CompletePopulationImportRequest { SnapshotId = started.SnapshotId, ExpectedCaseCount = caseloadSize }, Options);

        var draw = new DrawSampleRequest
        {
            SnapshotId = snapshot.SnapshotId,
            Eligibility = new Eligibility(),
            FixedSize = sampleSize,
            Seed = 20220606,
            DrawnBy = "load-and-faults",
        };
        draw.Eligibility.Windows.Add(new DateWindow { FirstDay = GeneratedCaseload.FirstStart.ToString("yyyy-MM-dd"), LastDay = GeneratedCaseload.LastStart.ToString("yyyy-MM-dd") });
        draw.StratifyBy.Add("sentence_type");
        return await AddInspectionAsync(provider.ProviderId, snapshot.SnapshotId, draw, "main");
    }

    /// <summary>A new inspection of the provider with a sample drawn by <paramref name="draw"/> (same seed: same cases).</summary>
    public async Task<SeededInspection> AddInspectionAsync(string providerId, string snapshotId, DrawSampleRequest draw, string name)
    {
        var inspection = await Register.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = $"{runId}:inspection:{name}", ProviderId = providerId, FrameworkId = FrameworkId,
            FieldworkStart = "2022-06-06", FieldworkEnd = "2022-06-17", LeadInspector = "lead inspector", CreatedBy = "load-and-faults",
        }, Options);
        var request = draw.Clone();
        request.RequestId = $"{runId}:draw:{name}";
        request.InspectionId = inspection.InspectionId;
        var sample = await Sampling.DrawSampleAsync(request, Options);

        var framework = await system.Client<AssessmentScoring.AssessmentScoringClient>(ServiceTopology.AssessmentScoring)
            .GetFrameworkAsync(new GetFrameworkRequest { InspectionId = inspection.InspectionId }, Options);
        var keyQuestions = framework.Domains.SelectMany(d => d.Standards).Where(s => s.CaseStandard).SelectMany(s => s.KeyQuestions).ToList();
        var cases = sample.Cases.Where(c => c.Status == "active")
            .Select(c => new CaseToAssess(c.CaseReference, keyQuestions.Select(q => new QuestionToAnswer(q.QuestionId, !InScope(q.CaseAttribute, c))).ToList()))
            .ToList();

        var organisational = await system.Client<OrganisationalEvidence.OrganisationalEvidenceClient>(ServiceTopology.OrganisationalEvidence)
            .ListOrganisationalStandardsAsync(new ListOrganisationalStandardsRequest { InspectionId = inspection.InspectionId }, Options);
        return new SeededInspection(providerId, inspection.InspectionId, snapshotId, draw, cases,
            organisational.Standards.Select(s => s.StandardId).ToList(), organisational.RatingWords.ToList());
    }

    /// <summary>The case attributes a key question can be scoped by (the framework names them; the sample carries them).</summary>
    private static bool InScope(string attribute, SampledCase c) => attribute switch
    {
        "" => true,
        "court_report" => c.CourtReport,
        "rosh_relevant" => c.RoshRelevant,
        "statutory_victim_contact" => c.StatutoryVictimContact,
        _ => throw new InvalidOperationException($"key questions scoped by '{attribute}' are not simulated"),
    };
}
