using Inspection.Data;
using Inspection.Recommendations.Data;
using Inspection.Recommendations.Domain;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>The proofs against the domain core and the store, on a real PostgreSQL database (migrated as the host does).</summary>
public sealed class StoreProofs(PostgresDatabaseFixture database) : TrackingProofs, IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private ITrackingDriver? _driver;

    protected override ITrackingDriver Driver => _driver ?? throw new InvalidOperationException("Not initialised");

    public async Task InitializeAsync()
    {
        await Migrator.ApplyAsync(database.DataSource, typeof(RecommendationStore).Assembly, default);
        _driver = new StoreDriver(new RecommendationStore(new Database(database.DataSource), FrameworkCatalogue.Load()),
            FrameworkCatalogue.Load());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
