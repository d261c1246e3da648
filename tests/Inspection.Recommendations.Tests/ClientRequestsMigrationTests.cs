using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Inspection.Data;
using Inspection.Domain;
using Inspection.Recommendations.Data;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Recommendations.Domain.Recommendations;
using Inspection.Testing;
using Npgsql;
using Xunit;

namespace Inspection.Recommendations.Tests;

/// <summary>
/// Migration 0005 moves client_requests into the shared request ledger: a request recorded before it, under the
/// fingerprint the service computed then, still gets its first answer on retry and writes nothing, and its id reused
/// for another request is still refused.
/// </summary>
public sealed class ClientRequestsMigrationTests : IAsyncLifetime
{
    private static readonly Guid Pdu = Guid.Parse("0193a0b0-0000-7000-8000-000000000001");
    private static readonly Guid Crc = Guid.Parse("0193a0b0-0000-7000-8000-000000000002");
    private static readonly Guid Restructure = Guid.Parse("0193a0b0-0000-7000-8000-000000000003");
    private static readonly Guid InspectionId = Guid.Parse("0193a0b0-0000-7000-8000-000000000004");
    private static readonly Guid RecommendationId = Guid.Parse("0193a0b0-0000-7000-8000-000000000005");

    private static readonly NewProvider PduCreated = NewProvider.Create("Before PDU", "pdu", "Wales", null, null, "t");
    private static readonly NewRestructure Unified = NewRestructure.Create(Pdu.ToString(), "2021-06-26", [(Crc.ToString(), "")], "", "t");
    private static readonly NewInspection Planned = NewInspection.Create(Pdu.ToString(), "pdu-2024", "2024-06-03", null, null, "t", UseCases.Frameworks);
    private static readonly NewRecommendations Added = NewRecommendations.Create(InspectionId.ToString(), [("provider", Pdu.ToString(), "improve supervision")], "t");

    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync() =>
        _dataSource = NpgsqlDataSource.Create(await PostgresServer.Shared.CreateDatabaseAsync("reco_ledger_move"));

    public Task DisposeAsync() => _dataSource.DisposeAsync().AsTask();

    /// <summary>The fingerprint the service stored in client_requests before #20: SHA-256 of the operation, a line break and the command's JSON.</summary>
    private static string FingerprintBefore20(string operation, object command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(command, command.GetType()))));

    [Fact]
    public async Task Requests_recorded_in_client_requests_still_get_their_first_answer()
    {
        await Migrator.ApplyThroughAsync(_dataSource, typeof(ProviderStore).Assembly, "0004_recommendation_corrections", default);
        await using (var c = await _dataSource.OpenConnectionAsync())
        {
            // As the service stored them before the ledger: the rows, and client_requests naming what each request made.
            await c.ExecuteAsync(
                """
                insert into providers (provider_id, name, type, region, version, created_by) values
                    (@Pdu, 'Before PDU', 'pdu', 'Wales', 2, 't'), (@Crc, 'Before CRC', 'crc', 'Wales', 1, 't');
                insert into restructures (restructure_id, successor_id, effective_on, note, recorded_by) values (@Restructure, @Pdu, '2021-06-26', '', 't');
                insert into predecessor_links (restructure_id, successor_id, predecessor_id, part_note) values (@Restructure, @Pdu, @Crc, '');
                insert into inspections (inspection_id, provider_id, framework_id, status, fieldwork_start, lead_inspector, version, created_by)
                values (@InspectionId, @Pdu, 'pdu-2024', 'planned', '2024-06-03', '', 2, 't');
                insert into recommendations (recommendation_id, inspection_id, number, addressee_group, addressee_provider_id, text, request_id, recorded_by)
                values (@RecommendationId, @InspectionId, 1, 'provider', @Pdu, 'improve supervision', 'before-20:add', 't');
                insert into client_requests (request_id, operation, fingerprint, result_id) values
                    ('before-20:provider', 'CreateProvider', @ProviderPrint, @Pdu),
                    ('before-20:restructure', 'RecordRestructure', @RestructurePrint, @Restructure),
                    ('before-20:inspection', 'CreateInspection', @InspectionPrint, @InspectionId),
                    ('before-20:add', 'AddRecommendations', @AddPrint, @InspectionId);
                """,
                new
                {
                    Pdu, Crc, Restructure, InspectionId, RecommendationId,
                    ProviderPrint = FingerprintBefore20("CreateProvider", PduCreated),
                    RestructurePrint = FingerprintBefore20("RecordRestructure", Unified),
                    InspectionPrint = FingerprintBefore20("CreateInspection", Planned),
                    AddPrint = FingerprintBefore20("AddRecommendations", Added),
                });
        }
        var before = await CountRowsAsync();

        var useCases = await UseCases.OverAsync(_dataSource);
        var provider = await useCases.Register.CreateAsync("before-20:provider", PduCreated, default);
        var lineage = await useCases.Register.RecordRestructureAsync("before-20:restructure", Unified, 1, default);
        var inspection = await useCases.Calendar.CreateAsync("before-20:inspection", Planned, default);
        var added = await useCases.Records.AddAsync("before-20:add", Added, 1, default);

        Assert.Equal((true, Pdu), (provider.Replayed, provider.Value.Id));
        Assert.Equal((true, Pdu, Crc), (lineage.Replayed, lineage.Value.Provider.Id, Assert.Single(lineage.Value.Ancestors).Provider.Id));
        Assert.Equal((true, InspectionId), (inspection.Replayed, inspection.Value.Id));
        Assert.Equal((true, RecommendationId), (added.Replayed, Assert.Single(added.Value.Recommendations).Recommendation.Id));
        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            useCases.Register.CreateAsync("before-20:provider", NewProvider.Create("Another PDU", "pdu", "Wales", null, null, "t"), default));
        Assert.Equal(before, await CountRowsAsync());
        await using var read = await _dataSource.OpenConnectionAsync();
        Assert.Equal(4L, await read.ExecuteScalarAsync<long>("select count(*) from request_ledger"));
        Assert.Null(await read.ExecuteScalarAsync<string?>("select to_regclass('client_requests')::text"));
    }

    private async Task<(long, long, long, long)> CountRowsAsync()
    {
        await using var c = await _dataSource.OpenConnectionAsync();
        return await c.QuerySingleAsync<(long, long, long, long)>(
            "select (select count(*) from providers), (select count(*) from restructures), (select count(*) from inspections), (select count(*) from recommendations)");
    }
}
