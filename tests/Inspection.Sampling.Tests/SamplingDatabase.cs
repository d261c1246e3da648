using Inspection.Data;
using Inspection.Sampling;
using Inspection.Testing;

namespace Inspection.Sampling.Tests;

/// <summary>A fresh PostgreSQL database per test class with case sampling's migrations applied.</summary>
public sealed class SamplingDatabase : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _database = new();

    public SamplingStore Store { get; private set; } = null!;

    /// <summary>The population cache a running host keeps between calls (shared by the workflows of this class).</summary>
    public PopulationCache Cache { get; } = new(PopulationCache.DefaultCapacity);

    public SamplingWorkflow Workflow(params string[] inspections) => new(Store, new RegisteredInspections(inspections), TimeProvider.System, Cache);

    /// <summary>A workflow as after a restart of the host: nothing in memory.</summary>
    public SamplingWorkflow RestartedWorkflow(params string[] inspections) => new(Store, new RegisteredInspections(inspections), TimeProvider.System, new PopulationCache(PopulationCache.DefaultCapacity));

    public Npgsql.NpgsqlDataSource DataSource => _database.DataSource;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await Migrator.ApplyAsync(_database.DataSource, typeof(SamplingStore).Assembly, CancellationToken.None);
        Store = new SamplingStore(new Database(_database.DataSource));
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
