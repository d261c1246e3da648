using Dapper;
using Inspection.Contracts.Vocabularies;
using Npgsql;

namespace Inspection.Evidence.Data;

/// <summary>The SQL of staffing returns: recording again inserts the next version, earlier ones are kept.</summary>
public sealed class StaffingReturnStore(Database database)
{
    public Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StaffingReturn staffing, CancellationToken ct) =>
        VersionConflicts.GuardAsync(async () =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into staffing_returns (inspection_id, version, as_at, recorded_by, recorded_at) values (@InspectionId, @Version, @AsAt, @RecordedBy, @RecordedAt)",
                new { staffing.InspectionId, staffing.Version, AsAt = staffing.AsAt.ToDateTime(TimeOnly.MinValue), staffing.RecordedBy, staffing.RecordedAt },
                transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into staffing_figures (inspection_id, version, field, value, unit) values (@InspectionId, @Version, @Field, @Value, @Unit)",
                staffing.Figures.Select(f => new { staffing.InspectionId, staffing.Version, Field = f.Field.Name, f.Value, Unit = f.Field.Unit.Word() }),
                transaction, cancellationToken: ct));
        }, $"The staffing return of inspection {staffing.InspectionId} was recorded by someone else at the same time: read it again");

    /// <summary>The return at <paramref name="version"/>, or the latest when null.</summary>
    public async Task<StaffingReturn?> GetAsync(string inspectionId, long? version, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var header = await connection.QuerySingleOrDefaultAsync<StaffingReturnRow>(new CommandDefinition(
            """
            select inspection_id as inspectionid, version, as_at as asat, recorded_by as recordedby, recorded_at as recordedat
            from staffing_returns
            where inspection_id = @inspectionId and (@version::bigint is null or version = @version)
            order by version desc limit 1
            """, new { inspectionId, version }, cancellationToken: ct));
        if (header is null) return null;
        var figures = await connection.QueryAsync<(string Field, decimal Value)>(new CommandDefinition(
            "select field, value from staffing_figures where inspection_id = @inspectionId and version = @Version",
            new { inspectionId, header.Version }, cancellationToken: ct));
        var known = figures
            .Select(f => StaffingFields.Find(f.Field) is { } field ? new StaffingFigure(field, f.Value) : null)
            .OfType<StaffingFigure>()
            .OrderBy(f => StaffingFields.Order(f.Field))
            .ToList();
        return new StaffingReturn(header.InspectionId, DateOnly.FromDateTime(header.AsAt), known, header.RecordedBy, StoredValues.Instant(header.RecordedAt), header.Version);
    }

    private sealed class StaffingReturnRow
    {
        public string InspectionId { get; init; } = "";
        public long Version { get; init; }
        public DateTime AsAt { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTime RecordedAt { get; init; }
    }
}
