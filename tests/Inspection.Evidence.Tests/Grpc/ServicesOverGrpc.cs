using Inspection.Evidence.Grpc;
using Inspection.Evidence.V1;
using Grpc.Core;
using Inspection.Recommendations.Grpc;
using Inspection.Recommendations.V1;
using Inspection.Sampling.Grpc;
using Inspection.Sampling.V1;
using Inspection.Scoring.Grpc;
using Inspection.Scoring.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Evidence.Tests.Grpc;

/// <summary>
/// The real hosts on loopback sockets, each over its own fresh PostgreSQL database: recommendation tracking (the
/// inspection register), case sampling (the sample), the evidence service configured to call them, and assessment
/// scoring, which reads the evidence service's judgements. Both
/// recommendation tracking and the evidence service load their demo data at start-up, as the run command starts
/// them, and report ready only once it is loaded; the tests' own inspections are of providers of their own.
/// </summary>
public sealed class ServicesOverGrpc : IAsyncLifetime
{
    public const string Collection = "services over gRPC";

    private ServiceTestHost<RecommendationTrackingService>? _register;
    private ServiceTestHost<CaseSamplingService>? _sampling;
    private ServiceTestHost<OrganisationalEvidenceService>? _evidence;
    private ServiceTestHost<AssessmentScoringService>? _scoring;

    public RecommendationTracking.RecommendationTrackingClient Register { get; private set; } = null!;
    public CaseSampling.CaseSamplingClient Sampling { get; private set; } = null!;
    public OrganisationalEvidence.OrganisationalEvidenceClient Evidence { get; private set; } = null!;
    public AssessmentScoring.AssessmentScoringClient Scoring { get; private set; } = null!;
    public ServiceTestHost<OrganisationalEvidenceService> EvidenceHost => _evidence ?? throw new InvalidOperationException("Not initialised");
    /// <summary>The evidence service's own database (its audit trail counts what each call wrote).</summary>
    public string EvidenceDatabase { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _register = await ServiceTestHost<RecommendationTrackingService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("evid_reco"),
            ["DemoData:Load"] = "true",
        });
        _sampling = await ServiceTestHost<CaseSamplingService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("evid_sampling"),
            ["Services:recommendation-tracking:GrpcUrl"] = _register.GrpcAddress,
        });
        EvidenceDatabase = await PostgresServer.Shared.CreateDatabaseAsync("evid_evidence");
        _evidence = await ServiceTestHost<OrganisationalEvidenceService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = EvidenceDatabase,
            ["Services:recommendation-tracking:GrpcUrl"] = _register.GrpcAddress,
            ["Services:case-sampling:GrpcUrl"] = _sampling.GrpcAddress,
            ["DemoData:Load"] = "true",
        });
        _scoring = await ServiceTestHost<AssessmentScoringService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("evid_scoring"),
            ["Services:recommendation-tracking:GrpcUrl"] = _register.GrpcAddress,
            ["Services:case-sampling:GrpcUrl"] = _sampling.GrpcAddress,
            ["Services:organisational-evidence:GrpcUrl"] = _evidence.GrpcAddress,
        });
        Register = _register.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        Sampling = _sampling.CreateClient<CaseSampling.CaseSamplingClient>();
        Evidence = _evidence.CreateClient<OrganisationalEvidence.OrganisationalEvidenceClient>();
        Scoring = _scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
    }

    /// <summary>Registers a provider and an inspection of it with recommendation tracking; returns (provider id, inspection id).</summary>
    public async Task<(string ProviderId, string InspectionId)> CreateInspectionAsync(string frameworkId, string providerName = "Test PDU", string fieldworkStart = "2022-06-06")
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await Register.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = "p-" + unique, Name = $"{providerName} {unique}", Type = "pdu", Region = "West Midlands", CreatedBy = "evidence-tests",
        });
        var inspection = await Register.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "i-" + unique, ProviderId = provider.ProviderId, FrameworkId = frameworkId, FieldworkStart = fieldworkStart, CreatedBy = "evidence-tests",
        });
        return (provider.ProviderId, inspection.InspectionId);
    }

    /// <summary>Imports the caseload as the provider's snapshot and draws all of it (one window, fixed size) as the inspection's sample.</summary>
    public async Task<IReadOnlyList<SampledCase>> DrawWholeCaseloadAsync(string providerId, string inspectionId, IReadOnlyList<PopulationCase> caseload,
        string firstDay, string lastDay)
    {
        var snapshot = await Sampling.StartPopulationImportAsync(new StartPopulationImportRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = providerId, TakenOn = lastDay, Description = "evidence test caseload",
        });
        var import = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId };
        import.Cases.AddRange(caseload);
        await Sampling.ImportPopulationAsync(import);
        await Sampling.CompletePopulationImportAsync(new CompletePopulationImportRequest { SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = caseload.Count });
        var draw = new DrawSampleRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, SnapshotId = snapshot.SnapshotId, FixedSize = caseload.Count, Seed = 7,
            DrawnBy = "evidence-tests", Eligibility = new Eligibility(),
        };
        draw.Eligibility.Windows.Add(new DateWindow { FirstDay = firstDay, LastDay = lastDay });
        await Sampling.DrawSampleAsync(draw);
        var cases = new List<SampledCase>();
        await foreach (var sampled in Sampling.ListSampleCases(new ListSampleCasesRequest { InspectionId = inspectionId }).ResponseStream.ReadAllAsync()) cases.Add(sampled);
        return cases.OrderBy(c => c.CaseReference, StringComparer.Ordinal).ToList();
    }

    public async Task DisposeAsync()
    {
        if (_scoring is not null) await _scoring.DisposeAsync();
        if (_evidence is not null) await _evidence.DisposeAsync();
        if (_sampling is not null) await _sampling.DisposeAsync();
        if (_register is not null) await _register.DisposeAsync();
    }
}

/// <summary>One set of hosts for every test class over gRPC: starting them is the slow part.</summary>
[CollectionDefinition(ServicesOverGrpc.Collection)]
public sealed class ServicesOverGrpcCollection : ICollectionFixture<ServicesOverGrpc>;
