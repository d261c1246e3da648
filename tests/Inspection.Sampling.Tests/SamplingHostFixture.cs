using Inspection.Sampling.Grpc;
using Grpc.Health.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.Domain;
using Inspection.Sampling.V1;
using Inspection.Testing;

namespace Inspection.Sampling.Tests;

/// <summary>
/// The system as the proof needs it: recommendation tracking (the inspection register) as its own process
/// and the case sampling host (its own Program) on free loopback ports, each over a fresh PostgreSQL database;
/// one inspection registered; a generated caseload of 3,000 cases imported over gRPC in batches and completed.
/// </summary>
public sealed class SamplingHostFixture : IAsyncLifetime
{
    public const int CaseloadSize = 3_000;

    private ServiceProcess? _recommendations;
    private ServiceTestHost<Program>? _sampling;

    public static readonly List<CaseRecord> Caseload = GeneratedCaseload.Create(CaseloadSize, seed: 31);

    public CaseSampling.CaseSamplingClient Client { get; private set; } = null!;
    public ServiceTestHost<Program> Host => _sampling ?? throw new InvalidOperationException("Not initialised");
    public string Database { get; private set; } = "";
    public string ProviderId { get; private set; } = "";
    public string InspectionId { get; private set; } = "";
    public Snapshot Snapshot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _recommendations = ServiceProcess.Start("recommendation-tracking", "services/Recommendations/Inspection.Recommendations",
            new Dictionary<string, string?> { ["ConnectionStrings__Default"] = await PostgresServer.Shared.CreateDatabaseAsync("reco_for_sampling") });
        Database = await PostgresServer.Shared.CreateDatabaseAsync("sampling_grpc");
        _sampling = await ServiceTestHost<Program>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = Database,
            ["Services:recommendation-tracking:GrpcUrl"] = _recommendations.GrpcAddress,
        });
        await _recommendations.WaitForAsync(HealthCheckResponse.Types.ServingStatus.Serving, TimeSpan.FromSeconds(60));

        var register = new RecommendationTracking.RecommendationTrackingClient(_recommendations.Channel);
        var provider = await register.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = "sampling-provider", Name = "Sampling Test PDU", Type = "pdu", Region = "West Midlands", ActiveFrom = "2021-06-26", CreatedBy = "sampling-tests",
        });
        var inspection = await register.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "sampling-inspection", ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023",
            FieldworkStart = "2022-06-06", FieldworkEnd = "2022-06-17", LeadInspector = "lead inspector", CreatedBy = "sampling-tests",
        });
        InspectionId = inspection.InspectionId;
        ProviderId = provider.ProviderId;

        Client = _sampling.CreateClient<CaseSampling.CaseSamplingClient>();
        var snapshot = await Client.StartPopulationImportAsync(new StartPopulationImportRequest
        {
            RequestId = "fixture-import", ProviderId = provider.ProviderId, TakenOn = "2022-05-01", Description = "generated caseload",
        });
        for (var i = 0; i < Caseload.Count; i += 1_000)
        {
            var batch = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId, FirstRowNumber = i + 2 };
            batch.Cases.AddRange(Caseload.Skip(i).Take(1_000).Select(c => c.ToMessage()));
            await Client.ImportPopulationAsync(batch);
        }
        Snapshot = await Client.CompletePopulationImportAsync(new CompletePopulationImportRequest { SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = CaseloadSize });
    }

    /// <summary>
    /// Registers a provider of its own with recommendation tracking (case sampling checks every provider id with it), for
    /// a test whose snapshots no other test may see; returns its id.
    /// </summary>
    public async Task<string> NewProviderAsync(string name)
    {
        var register = new RecommendationTracking.RecommendationTrackingClient(_recommendations!.Channel);
        var provider = await register.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = $"{name} {Guid.NewGuid():N}", Type = "pdu", Region = "West Midlands",
            ActiveFrom = "2021-06-26", CreatedBy = "sampling-tests",
        });
        return provider.ProviderId;
    }

    /// <summary>Registers another inspection of the fixture's provider with recommendation tracking.</summary>
    public async Task<string> NewInspectionAsync()
    {
        var register = new RecommendationTracking.RecommendationTrackingClient(_recommendations!.Channel);
        var inspection = await register.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), ProviderId = ProviderId, FrameworkId = "pdu-2021-2023",
            FieldworkStart = "2022-06-06", FieldworkEnd = "2022-06-17", LeadInspector = "lead inspector", CreatedBy = "sampling-tests",
        });
        return inspection.InspectionId;
    }

    public async Task DisposeAsync()
    {
        if (_sampling is not null) await _sampling.DisposeAsync();
        if (_recommendations is not null) await _recommendations.DisposeAsync();
    }
}
