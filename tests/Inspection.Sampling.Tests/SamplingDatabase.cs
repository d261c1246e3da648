using Inspection.Data;
using Inspection.Sampling.Application;
using Inspection.Sampling.Data;
using Inspection.Testing;

namespace Inspection.Sampling.Tests;

/// <summary>A fresh PostgreSQL database per test class with case sampling's migrations applied.</summary>
public sealed class SamplingDatabase : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _database = new();

    public SnapshotStore SnapshotStore { get; private set; } = null!;

    public SampleStore SampleStore { get; private set; } = null!;

    public RequestLedger Ledger { get; private set; } = null!;

    /// <summary>The population cache a running host keeps between calls (shared by the use cases of this class).</summary>
    public PopulationCache Cache { get; } = new(PopulationCache.DefaultCapacity);

    public PopulationSnapshots Snapshots() => new(SnapshotStore, Ledger, TimeProvider.System, Cache, RegisteredProviders.Every);

    public Samples Samples(params string[] inspections) => new(SampleStore, SnapshotStore, Ledger, new RegisteredInspections(inspections), TimeProvider.System, Cache);

    /// <summary>The samples as after a restart of the host: nothing in memory.</summary>
    public Samples RestartedSamples(params string[] inspections) =>
        new(SampleStore, SnapshotStore, Ledger, new RegisteredInspections(inspections), TimeProvider.System, new PopulationCache(PopulationCache.DefaultCapacity));

    public Npgsql.NpgsqlDataSource DataSource => _database.DataSource;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await Migrator.ApplyAsync(_database.DataSource, typeof(SnapshotStore).Assembly, CancellationToken.None);
        var database = new Database(_database.DataSource);
        SnapshotStore = new SnapshotStore(database);
        SampleStore = new SampleStore(database);
        Ledger = new RequestLedger(database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
