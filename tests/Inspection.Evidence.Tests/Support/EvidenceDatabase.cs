using Dapper;
using Inspection.Data;
using Inspection.Evidence.Application;
using Inspection.Evidence.Data;
using Inspection.Evidence.Domain.Frameworks;
using Inspection.Testing;
using Xunit;

namespace Inspection.Evidence.Tests.Support;

/// <summary>
/// A fresh PostgreSQL database (one per test class) migrated with the service's own migrations, and the service's
/// use cases over it, wired as Program wires them. Each test registers its own inspections, so tests do not meet.
/// </summary>
public sealed class EvidenceDatabase : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _postgres = new();

    public KnownInspections Inspections { get; } = new();
    public FixedSamples Samples { get; } = new();
    public Database Database { get; private set; } = null!;
    public EvidenceItems Evidence { get; private set; } = null!;
    public StaffingReturns Staffing { get; private set; } = null!;
    public SurveyResults Surveys { get; private set; } = null!;
    public CaseCharacteristicsTables Characteristics { get; private set; } = null!;
    public Judgements Judgements { get; private set; } = null!;
    public StandardSummaries Summaries { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        await Migrator.ApplyAsync(_postgres.DataSource, typeof(EvidenceItemStore).Assembly, CancellationToken.None);
        Database = new Database(_postgres.DataSource);
        var ledger = new RequestLedger(Database);
        var frameworks = new InspectionFrameworks(Inspections, FrameworkCatalogue.Default);
        var evidenceStore = new EvidenceItemStore(Database);
        var judgementStore = new JudgementStore(Database);
        Evidence = new EvidenceItems(evidenceStore, ledger, frameworks, Samples, TimeProvider.System);
        Staffing = new StaffingReturns(new StaffingReturnStore(Database), ledger, Inspections, TimeProvider.System);
        Surveys = new SurveyResults(new SurveyResultStore(Database), ledger, frameworks, TimeProvider.System);
        Characteristics = new CaseCharacteristicsTables(new CaseCharacteristicsStore(Database), ledger, Inspections, Samples, TimeProvider.System);
        Judgements = new Judgements(judgementStore, ledger, frameworks, TimeProvider.System);
        Summaries = new StandardSummaries(evidenceStore, judgementStore, frameworks);
    }

    /// <summary>Whether the request ledger holds the request id.</summary>
    public async Task<bool> LedgerHoldsAsync(string requestId)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<bool>("select exists (select 1 from request_ledger where request_id = @requestId)", new { requestId });
    }

    public Task DisposeAsync() => _postgres.DisposeAsync();
}
