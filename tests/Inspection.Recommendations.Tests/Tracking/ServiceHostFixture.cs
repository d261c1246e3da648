using Inspection.Recommendations.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>The real recommendation-tracking host (its own Program) on free loopback ports, over a fresh PostgreSQL database,
/// with a stand-in for assessment scoring (which PublishInspection asks whether an inspection can be published).</summary>
public sealed class ServiceHostFixture : IAsyncLifetime
{
    private ServiceTestHost<Program>? _host;
    private ScoringStandIn? _scoring;

    public ScoringStandIn Scoring => _scoring ?? throw new InvalidOperationException("Not initialised");

    public ServiceTestHost<Program> Host => _host ?? throw new InvalidOperationException("Not initialised");

    public RecommendationTracking.RecommendationTrackingClient Client { get; private set; } = null!;

    /// <summary>The host's database (its connection string), where the audit trail counts what each call wrote.</summary>
    public string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var connectionString = Database = await PostgresServer.Shared.CreateDatabaseAsync("reco_grpc");
        _scoring = await ScoringStandIn.StartAsync();
        _host = await ServiceTestHost<Program>.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Services:assessment-scoring:GrpcUrl"] = _scoring.GrpcAddress,
        });
        Client = _host.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_scoring is not null) await _scoring.DisposeAsync();
    }
}
