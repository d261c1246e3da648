using Dapper;
using Npgsql;
using Inspection.Evidence.Domain;

namespace Inspection.Evidence.Data;

/// <summary>The SQL of the characteristics-of-inspected-cases table: recording again inserts the next version.</summary>
public sealed class CaseCharacteristicsStore(Database database)
{
    public Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CaseCharacteristicsTable table, CancellationToken ct) =>
        VersionConflicts.GuardAsync(async () =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into case_characteristics_tables (inspection_id, version, recorded_by, recorded_at) values (@InspectionId, @Version, @RecordedBy, @RecordedAt)",
                new { table.InspectionId, table.Version, table.RecordedBy, table.RecordedAt }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into case_characteristic_rows (inspection_id, version, characteristic, value, unit, source, numerator, denominator)
                values (@InspectionId, @Version, @Characteristic, @Value, @Unit, @Source, @Numerator, @Denominator)
                """,
                table.Rows.Select(r => new
                {
                    table.InspectionId, table.Version, Characteristic = r.Characteristic.Name, r.Value, r.Characteristic.Unit, r.Source,
                    Numerator = r.Fraction?.Numerator, Denominator = r.Fraction?.Denominator,
                }), transaction, cancellationToken: ct));
        }, $"The characteristics table of inspection {table.InspectionId} was recorded by someone else at the same time: read it again");

    public async Task<CaseCharacteristicsTable?> GetAsync(string inspectionId, long? version, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var header = await connection.QuerySingleOrDefaultAsync<(long Version, string RecordedBy, DateTime RecordedAt)>(new CommandDefinition(
            """
            select version, recorded_by, recorded_at from case_characteristics_tables
            where inspection_id = @inspectionId and (@version::bigint is null or version = @version)
            order by version desc limit 1
            """, new { inspectionId, version }, cancellationToken: ct));
        if (header == default) return null;
        var rows = await connection.QueryAsync<(string Characteristic, decimal Value, string Source, int? Numerator, int? Denominator)>(new CommandDefinition(
            "select characteristic, value, source, numerator, denominator from case_characteristic_rows where inspection_id = @inspectionId and version = @Version",
            new { inspectionId, header.Version }, cancellationToken: ct));
        var table = rows
            .Select(r => CaseCharacteristics.Find(r.Characteristic) is { } characteristic
                ? new CaseCharacteristicRow(characteristic, r.Value, r.Source,
                    r.Numerator is { } k && r.Denominator is { } n ? new Percentage(k, n) : null)
                : null)
            .OfType<CaseCharacteristicRow>()
            .OrderBy(r => CaseCharacteristics.Order(r.Characteristic))
            .ToList();
        return new CaseCharacteristicsTable(inspectionId, table, header.RecordedBy, StoredValues.Instant(header.RecordedAt), header.Version);
    }
}
