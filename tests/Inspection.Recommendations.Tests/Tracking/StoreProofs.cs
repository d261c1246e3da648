using Inspection.Data;
using Inspection.Recommendations.Application;

using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Tracking;

/// <summary>The proofs against the domain core and the use cases, on a real PostgreSQL database (migrated as the host does).</summary>
public sealed class StoreProofs(PostgresDatabaseFixture database) : TrackingProofs, IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private ITrackingDriver? _driver;

    protected override ITrackingDriver Driver => _driver ?? throw new InvalidOperationException("Not initialised");

    public async Task InitializeAsync()
    {
        _driver = new StoreDriver(await UseCases.OverAsync(database.DataSource), UseCases.Frameworks);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
