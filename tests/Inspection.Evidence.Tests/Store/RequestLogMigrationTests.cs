using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Inspection.Data;
using Inspection.Domain;
using Inspection.Evidence.Application;
using Inspection.Evidence.Data;
using Inspection.Evidence.Domain.Frameworks;
using Inspection.Evidence.Domain.Items;
using Inspection.Evidence.Domain.Judgements;
using Inspection.Evidence.Tests.Support;
using Inspection.Testing;
using Npgsql;
using Xunit;

namespace Inspection.Evidence.Tests.Store;

/// <summary>
/// Migration 0003 moves the service's own request_log into the shared request ledger: a request recorded before it,
/// under the fingerprint the service computed then, still gets its first result on retry and writes nothing, and its
/// id reused for another request is still refused.
/// </summary>
public sealed class RequestLogMigrationTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private const string InspectionId = "7c1e0f57-8d7c-4a57-9a54-2a1f3e9b6d10";
    private static readonly Guid EvidenceId = Guid.Parse("0b6f3f0e-52a4-4d0f-a2c6-3d8e1c54d9a1");
    private static readonly DateTimeOffset RecordedAt = new(2022, 6, 8, 9, 30, 0, TimeSpan.Zero);

    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync() =>
        _dataSource = NpgsqlDataSource.Create(await PostgresServer.Shared.CreateDatabaseAsync("evid_ledger_move"));

    public Task DisposeAsync() => _dataSource.DisposeAsync().AsTask();

    private static readonly AddEvidence AddedBefore = new("before-20:add", InspectionId,
        new EvidenceInput("1.2", "1.2.1", EvidenceSource.PractitionerInterview, "2022-06-07", "Caseloads are too high", Finding.AreaForImprovement, [], "inspector a", null));

    private static readonly RecordJudgement JudgedBefore = new("before-20:judgement", InspectionId,
        new JudgementInput("1.1", "Good", "Clear vision", false, null, JudgementState.Final, "lead", "lead_inspector", null, null));

    /// <summary>The fingerprint the evidence service stored before #20 (RecordedRequest.For): SHA-256, upper-case hex, of the command's JSON.</summary>
    private static string FingerprintBefore20<T>(T command) => Convert.ToHexString(SHA256.HashData(
        JsonSerializer.SerializeToUtf8Bytes(command, new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals })));

    [Fact]
    public async Task Requests_recorded_before_the_ledger_still_get_their_first_result()
    {
        await Migrator.ApplyThroughAsync(_dataSource, typeof(EvidenceItemStore).Assembly, "0002_judgement_corrections", Ct);
        await using (var c = await _dataSource.OpenConnectionAsync())
        {
            // As the service stored them before the ledger: the records, and request_log naming what each request made.
            await c.ExecuteAsync(
                """
                insert into evidence_items (evidence_id, inspection_id, current_version, added_at) values (@EvidenceId, @InspectionId, 1, @RecordedAt);
                insert into evidence_versions (evidence_id, version, standard_id, key_question_id, source, evidence_date, summary, finding,
                    case_references, evidence_subsection, withdrawn, withdrawal_reason, recorded_by, recorded_at)
                values (@EvidenceId, 1, '1.2', '1.2.1', 'practitioner_interview', '2022-06-07', 'Caseloads are too high', 'area_for_improvement',
                    '{}', null, false, null, 'inspector a', @RecordedAt);
                insert into judgements (inspection_id, standard_id, version, rating, rationale, panel_departure, agreed_by, state, recorded_by,
                    recorded_by_role, recorded_at, correction_reason)
                values (@InspectionId, '1.1', 1, 'Good', 'Clear vision', false, null, 'final', 'lead', 'lead_inspector', @RecordedAt, null);
                insert into request_log (request_id, operation, fingerprint, result_id, result_part, result_version) values
                    ('before-20:add', 'AddEvidence', @AddFingerprint, @EvidenceText, null, 1),
                    ('before-20:judgement', 'RecordJudgement', @JudgementFingerprint, @InspectionId, '1.1', 1);
                """,
                new
                {
                    EvidenceId, InspectionId, RecordedAt, EvidenceText = EvidenceId.ToString(),
                    AddFingerprint = FingerprintBefore20(AddedBefore), JudgementFingerprint = FingerprintBefore20(JudgedBefore),
                });
        }

        await Migrator.ApplyAsync(_dataSource, typeof(EvidenceItemStore).Assembly, Ct);

        var database = new Database(_dataSource);
        var ledger = new RequestLedger(database);
        // An empty register: a retry answered from the ledger never asks it.
        var frameworks = new InspectionFrameworks(new KnownInspections(), FrameworkCatalogue.Default);
        var evidence = new EvidenceItems(new EvidenceItemStore(database), ledger, frameworks, new FixedSamples(), TimeProvider.System);
        var judgements = new Judgements(new JudgementStore(database), ledger, frameworks, TimeProvider.System);

        var item = await evidence.AddAsync(AddedBefore, Ct);
        var judgement = await judgements.RecordAsync(JudgedBefore, Ct);

        Assert.Equal((EvidenceId, 1L, "Caseloads are too high", RecordedAt), (item.EvidenceId, item.Version, item.Content.Summary, item.RecordedAt));
        Assert.Equal(("1.1", 1L, "Good"), (judgement.StandardId, judgement.Version, judgement.Rating));
        await Assert.ThrowsAsync<AlreadyExistsException>(() => evidence.AddAsync(AddedBefore with { Evidence = AddedBefore.Evidence with { Summary = "other" } }, Ct));
        await using var read = await _dataSource.OpenConnectionAsync();
        Assert.Equal((1L, 1L, 2L), await read.QuerySingleAsync<(long, long, long)>(
            "select (select count(*) from evidence_versions), (select count(*) from judgements), (select count(*) from request_ledger)"));
        Assert.Null(await read.ExecuteScalarAsync<string?>("select to_regclass('request_log')::text"));
    }
}
