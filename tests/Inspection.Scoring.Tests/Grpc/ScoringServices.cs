using Inspection.Recommendations.Grpc;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Grpc;
using Inspection.Scoring.V1;
using Inspection.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using EvidenceJudgement = Inspection.Evidence.V1.Judgement;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// The assessment-scoring host on real loopback sockets over its own fresh PostgreSQL database, calling the real
/// recommendation tracking host (the inspection register, its own database) and stand-ins for case sampling and
/// organisational evidence served over their real gRPC contracts. Each test registers its own inspections.
/// </summary>
public sealed class ScoringServices : IAsyncLifetime
{
    private ServiceTestHost<RecommendationTrackingService>? _register;
    private UpstreamStubHost? _upstream;

    public UpstreamState Upstream { get; } = new();
    public ServiceTestHost<AssessmentScoringService> Host { get; private set; } = null!;
    public AssessmentScoring.AssessmentScoringClient Scoring { get; private set; } = null!;
    public RecommendationTracking.RecommendationTrackingClient Register { get; private set; } = null!;
    /// <summary>The scoring host's own database, to count what a call wrote (its audit trail).</summary>
    public string ScoringDatabase { get; private set; } = "";
    /// <summary>The register host's services, to publish an inspection as it was published before issue 19 (without scoring).</summary>
    public IServiceProvider RegisterServices => _register!.Services;

    public async Task InitializeAsync()
    {
        _register = await ServiceTestHost<RecommendationTrackingService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = await PostgresServer.Shared.CreateDatabaseAsync("scor_reco"),
        });
        _upstream = await UpstreamStubHost.StartAsync(Upstream);
        Host = await ServiceTestHost<AssessmentScoringService>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = ScoringDatabase = await PostgresServer.Shared.CreateDatabaseAsync("scor_scoring"),
            ["Services:recommendation-tracking:GrpcUrl"] = _register.GrpcAddress,
            ["Services:case-sampling:GrpcUrl"] = _upstream.GrpcAddress,
            ["Services:organisational-evidence:GrpcUrl"] = _upstream.GrpcAddress,
        });
        // Publishing asks scoring whether the inspection is ready (issue 14); scoring's address is known only now, and
        // recommendation tracking reads it when it publishes.
        _register.Services.GetRequiredService<IConfiguration>()["Services:assessment-scoring:GrpcUrl"] = Host.GrpcAddress;
        Register = _register.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        Scoring = Host.CreateClient<AssessmentScoring.AssessmentScoringClient>();
    }

    /// <summary>Registers a provider (name made unique unless <paramref name="exactName"/>) and an inspection of it.</summary>
    public async Task<string> CreateInspectionAsync(string frameworkId, string providerName = "Test PDU", bool exactName = false)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await Register.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = "p-" + unique, Name = exactName ? providerName : $"{providerName} {unique}", Type = "pdu", Region = "West Midlands", CreatedBy = "scoring-tests",
        });
        var inspection = await Register.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "i-" + unique, ProviderId = provider.ProviderId, FrameworkId = frameworkId, FieldworkStart = "2022-06-06", CreatedBy = "scoring-tests",
        });
        return inspection.InspectionId;
    }

    public void SetSample(string inspectionId, IEnumerable<SampledCaseFacts> cases) =>
        Upstream.SetSample(inspectionId, cases.Select(ToSampledCase).ToList());

    public void SetJudgements(string inspectionId, IEnumerable<(string StandardId, string Rating, string Rationale)> judgements) =>
        Upstream.SetJudgements(inspectionId, judgements
            .Select(j => new EvidenceJudgement { StandardId = j.StandardId, Rating = j.Rating, Rationale = j.Rationale, State = "final", InspectionId = inspectionId })
            .ToList());

    public static SampledCase ToSampledCase(SampledCaseFacts c) => new()
    {
        CaseReference = c.CaseReference,
        SentenceType = c.SentenceType,
        UnpaidWorkOnly = c.UnpaidWorkOnly,
        Gender = c.Attribute("gender") ?? "",
        EthnicGroup = c.Attribute("ethnic_group") ?? "",
        RoshLevel = c.Attribute("rosh_level") ?? "",
        Stratum = c.Attribute("stratum") ?? "",
        CourtReport = c.Flag("court_report"),
        StatutoryVictimContact = c.Flag("statutory_victim_contact"),
        RoshRelevant = c.Flag("rosh_relevant"),
        Status = "active",
    };

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (_upstream is not null) await _upstream.DisposeAsync();
        if (_register is not null) await _register.DisposeAsync();
    }
}
