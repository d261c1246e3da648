using Inspection.Recommendations.Grpc;
using Inspection.Recommendations.V1;
using Inspection.Sampling.Grpc;
using Inspection.Sampling.V1;
using Inspection.Scoring.Grpc;
using Inspection.Scoring.Upstream;
using Inspection.Scoring.V1;
using Inspection.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using EvidenceJudgement = Inspection.Evidence.V1.Judgement;
using SampledCaseFacts = Inspection.Scoring.Domain.Assessments.SampledCaseFacts;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// Issue 19's system: assessment scoring over its own PostgreSQL database with the real recommendation tracking (the
/// register, where publication happens) and the real case sampling (snapshots, draws, substitutions), each host on
/// real loopback sockets over its own database; organisational evidence is the stand-in serving judgements over its
/// real contract. Each test registers its own inspection, imports its own caseload and draws its own sample.
/// </summary>
public sealed class SampledScoringServices : IAsyncLifetime
{
    private ServiceTestHost<RecommendationTrackingService>? _register;
    private ServiceTestHost<CaseSamplingService>? _sampling;
    private UpstreamStubHost? _evidence;

    public UpstreamState Upstream { get; } = new();
    public ServiceTestHost<AssessmentScoringService> Host { get; private set; } = null!;
    public string ScoringDatabase { get; private set; } = "";
    public AssessmentScoring.AssessmentScoringClient Scoring { get; private set; } = null!;
    public RecommendationTracking.RecommendationTrackingClient Register { get; private set; } = null!;
    public CaseSampling.CaseSamplingClient Sampling { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _register = await ServiceTestHost<RecommendationTrackingService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("i19_reco"),
        });
        _sampling = await ServiceTestHost<CaseSamplingService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("i19_sampling"),
            ["Services:recommendation-tracking:GrpcUrl"] = _register.GrpcAddress,
        });
        _evidence = await UpstreamStubHost.StartAsync(Upstream);
        ScoringDatabase = await PostgresServer.Shared.CreateDatabaseAsync("i19_scoring");
        Host = await ServiceTestHost<AssessmentScoringService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = ScoringDatabase,
            ["Services:recommendation-tracking:GrpcUrl"] = _register.GrpcAddress,
            ["Services:case-sampling:GrpcUrl"] = _sampling.GrpcAddress,
            ["Services:organisational-evidence:GrpcUrl"] = _evidence.GrpcAddress,
        });
        _register.Services.GetRequiredService<IConfiguration>()["Services:assessment-scoring:GrpcUrl"] = Host.GrpcAddress;
        Register = _register.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        Sampling = _sampling.CreateClient<CaseSampling.CaseSamplingClient>();
        Scoring = Host.CreateClient<AssessmentScoring.AssessmentScoringClient>();
    }

    /// <summary>A registered inspection of a new provider with a complete caseload snapshot of <paramref name="caseload"/>
    /// cases, every one eligible.</summary>
    public async Task<(string InspectionId, string SnapshotId)> InspectionWithCaseloadAsync(int caseload)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await Register.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = "p-" + unique, Name = "Issue 19 PDU " + unique, Type = "pdu", Region = "West Midlands", CreatedBy = "issue-19-tests",
        });
        var inspection = await Register.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "i-" + unique, ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2022-06-06", CreatedBy = "issue-19-tests",
        });
        var snapshot = await Sampling.StartPopulationImportAsync(new StartPopulationImportRequest
        {
            RequestId = "s-" + unique, ProviderId = provider.ProviderId, TakenOn = "2022-05-01", Description = "issue 19 caseload",
        });
        var batch = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId, FirstRowNumber = 2 };
        string[] sentences = ["community_order", "licence", "suspended_sentence_order"];
        for (var i = 0; i < caseload; i++)
        {
            batch.Cases.Add(new PopulationCase
            {
                CaseReference = $"S{i:000}", SentenceType = sentences[i % 3], StartDate = $"2021-11-{1 + i % 28:00}",
                Gender = i % 4 == 0 ? "female" : "male", EthnicGroup = "white", RoshLevel = i % 2 == 0 ? "low" : "high",
                CourtReportType = i % 5 == 0 ? "none" : "short_format",
            });
        }
        await Sampling.ImportPopulationAsync(batch);
        await Sampling.CompletePopulationImportAsync(new CompletePopulationImportRequest { SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = caseload });
        return (inspection.InspectionId, snapshot.SnapshotId);
    }

    public async Task<Sample> DrawAsync(string inspectionId, string snapshotId, int size, ulong seed, int assessmentsSetAside = 0)
    {
        var draw = new DrawSampleRequest
        {
            RequestId = $"d-{inspectionId}-{seed}", InspectionId = inspectionId, SnapshotId = snapshotId, FixedSize = size, Seed = seed,
            ReservesPerStratum = 5, DrawnBy = "issue-19-tests", AssessmentsSetAside = assessmentsSetAside, Eligibility = new Eligibility(),
        };
        draw.Eligibility.Windows.Add(new DateWindow { FirstDay = "2021-11-01", LastDay = "2021-11-30" });
        return await Sampling.DrawSampleAsync(draw);
    }

    /// <summary>The inspection's current sample's active cases, as scoring reads them (attributes included).</summary>
    public async Task<IReadOnlyList<SampledCaseFacts>> ActiveCasesAsync(string inspectionId)
    {
        var cases = new List<SampledCaseFacts>();
        using var call = Sampling.ListSampleCases(new ListSampleCasesRequest { InspectionId = inspectionId });
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) cases.Add(CaseSamplingSample.ToFacts(call.ResponseStream.Current));
        return cases;
    }

    /// <summary>Records a complete assessment of the case, every question that can apply answered <paramref name="word"/>.</summary>
    public Task<CaseAssessment> AssessAsync(string inspectionId, SampledCaseFacts @case, string word, long expectedVersion = 0)
    {
        var request = new RecordCaseAssessmentRequest
        {
            RequestId = $"a-{Guid.NewGuid():N}", InspectionId = inspectionId, CaseReference = @case.CaseReference,
            AssessedBy = "issue-19-tests", ExpectedVersion = expectedVersion, StaffGrade = "PO",
        };
        request.Answers.AddRange(CompleteAnswers.For(Domain.Frameworks.Pdu2021, @case, word));
        return Scoring.RecordCaseAssessmentAsync(request).ResponseAsync;
    }

    public void SetFinalJudgements(string inspectionId) =>
        Upstream.SetJudgements(inspectionId, new[] { "1.1", "1.2", "1.3", "1.4" }
            .Select(s => new EvidenceJudgement { StandardId = s, Rating = "Requires improvement", Rationale = "judged", State = "final", InspectionId = inspectionId })
            .ToList());

    public Task<InspectionRatings> RatingsAsync(string inspectionId) =>
        Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId }).ResponseAsync;

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (_evidence is not null) await _evidence.DisposeAsync();
        if (_sampling is not null) await _sampling.DisposeAsync();
        if (_register is not null) await _register.DisposeAsync();
    }
}
