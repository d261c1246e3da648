using Inspection.Data;
using Inspection.Evidence.Application;
using Inspection.Evidence.Data;
using Inspection.Evidence.Domain;
using Inspection.Testing;
using Xunit;

namespace Inspection.Evidence.Tests.Support;

/// <summary>
/// A fresh PostgreSQL database (one per test class) migrated with the service's own migrations, and the
/// service's commands and queries over it. Each test registers its own inspections, so tests do not meet.
/// </summary>
public sealed class EvidenceDatabase : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _postgres = new();

    public KnownInspections Inspections { get; } = new();
    public FixedSamples Samples { get; } = new();
    public EvidenceStore Store { get; private set; } = null!;
    public EvidenceCommands Commands { get; private set; } = null!;
    public EvidenceQueries Queries { get; private set; } = null!;
    public Database Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        await Migrator.ApplyAsync(_postgres.DataSource, typeof(EvidenceStore).Assembly, CancellationToken.None);
        Database = new Database(_postgres.DataSource);
        Store = new EvidenceStore(Database);
        Commands = new EvidenceCommands(Store, Inspections, Samples, FrameworkCatalogue.Default, TimeProvider.System);
        Queries = new EvidenceQueries(Store, Inspections, FrameworkCatalogue.Default);
    }

    public Task DisposeAsync() => _postgres.DisposeAsync();
}
