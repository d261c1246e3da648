using Inspection.Data;
using Inspection.Sampling;
using Inspection.Testing;

namespace Inspection.Sampling.Tests;

/// <summary>A fresh PostgreSQL database per test class with case sampling's migrations applied.</summary>
public sealed class SamplingDatabase : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _database = new();

    public SamplingStore Store { get; private set; } = null!;

    public SamplingWorkflow Workflow(params string[] inspections) => new(Store, new RegisteredInspections(inspections), TimeProvider.System);

    public Npgsql.NpgsqlDataSource DataSource => _database.DataSource;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await Migrator.ApplyAsync(_database.DataSource, typeof(SamplingStore).Assembly, CancellationToken.None);
        Store = new SamplingStore(new Database(_database.DataSource));
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
