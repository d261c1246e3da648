using Inspection.Recommendations.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>The real recommendation-tracking host (its own Program) on free loopback ports, over a fresh PostgreSQL database.</summary>
public sealed class ServiceHostFixture : IAsyncLifetime
{
    private ServiceTestHost<Program>? _host;

    public ServiceTestHost<Program> Host => _host ?? throw new InvalidOperationException("Not initialised");

    public RecommendationTracking.RecommendationTrackingClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("reco_grpc");
        _host = await ServiceTestHost<Program>.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString });
        Client = _host.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
