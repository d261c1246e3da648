using Dapper;
using Npgsql;

namespace Inspection.Scoring.Data;

/// <summary>The stored versions of a published inspection's figures (issue 19): version 1 at publication, one more per
/// correction, never changed once the inspection is published. Writes run in the caller's transaction, serialised per
/// inspection.</summary>
public sealed class PublishedFiguresStore(Database database)
{
    private const string VersionColumns =
        """
        inspection_id AS InspectionId, version AS Version, kind AS Kind, reason AS Reason, recorded_by AS RecordedBy, recorded_at AS RecordedAt,
        published_on AS PublishedOn, framework_id AS FrameworkId, framework_version AS FrameworkVersion, method_version AS MethodVersion,
        ratings::text AS RatingsJson, prompts::text AS PromptsJson
        """;

    /// <summary>Every stored version of the inspection's figures, oldest first.</summary>
    public async Task<IReadOnlyList<StoredFiguresVersion>> ListAsync(string inspectionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await ListAsync(connection, null, inspectionId, ct);
    }

    private static async Task<IReadOnlyList<StoredFiguresVersion>> ListAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string inspectionId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns} FROM published_versions WHERE inspection_id = @inspectionId ORDER BY version",
            new { inspectionId }, transaction, cancellationToken: ct));
        return rows.Select(r => r.ToStored()).ToList();
    }

    /// <summary>The newest stored version, or null when none is stored.</summary>
    public async Task<StoredFiguresVersion?> LatestAsync(string inspectionId, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<VersionRow>(
            $"SELECT {VersionColumns} FROM published_versions WHERE inspection_id = @inspectionId ORDER BY version DESC LIMIT 1",
            new { inspectionId }, ct);
        return row?.ToStored();
    }

    /// <summary>Inspections holding stored figures (of one framework when given).</summary>
    public async Task<IReadOnlyList<string>> ListInspectionsWithFiguresAsync(CancellationToken ct, string? frameworkId = null)
    {
        return await database.QueryAsync<string>(
            "SELECT DISTINCT inspection_id FROM published_versions WHERE @frameworkId::text IS NULL OR framework_id = @frameworkId ORDER BY inspection_id",
            new { frameworkId }, ct);
    }

    /// <summary>Inspections this service holds data for and no stored figures (candidates for storing what was published before).</summary>
    public async Task<IReadOnlyList<string>> ListInspectionsWithoutFiguresAsync(CancellationToken ct)
    {
        return await database.QueryAsync<string>(
            """
            SELECT i.inspection_id FROM inspections i
            WHERE NOT EXISTS (SELECT 1 FROM published_versions v WHERE v.inspection_id = i.inspection_id)
            ORDER BY i.inspection_id
            """, null, ct);
    }

    /// <summary>
    /// Stores version 1 (the figures about to be published, or first stored for an inspection published before). The
    /// caller has checked with the register that the inspection is not yet published, or that it is and has no
    /// figures: an earlier version 1 is replaced only while nothing came after it. Serialised per inspection.

    /// <summary>
    /// Stores version 1 (the figures about to be published, or first stored for an inspection published before). The
    /// caller has checked with the register that the inspection is not yet published, or that it is and has no
    /// figures: an earlier version 1 is replaced only while nothing came after it.
    /// </summary>
    public static async Task StoreFirstAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StoredFiguresVersion first, bool replacePending, CancellationToken ct)
    {
        await InspectionStore.LockAsync(connection, transaction, first.InspectionId, ct);
        var existing = await ListAsync(connection, transaction, first.InspectionId, ct);
        if (existing.Count > 1 || existing.Count == 1 && !replacePending) return;
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM published_versions WHERE inspection_id = @InspectionId AND version = 1", first, transaction, cancellationToken: ct));
        await InsertAsync(connection, transaction, first with { Version = 1 }, ct);
    }

    /// <summary>Adds a version after <paramref name="expectedVersion"/> (ABORTED when another came first), with the
    /// correction row the report lists when <paramref name="correction"/> is given.</summary>
    public static async Task AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, StoredFiguresVersion next, int expectedVersion, PublicationGuard? correction, CancellationToken ct)
    {
        await InspectionStore.LockAsync(connection, transaction, next.InspectionId, ct);
        var latest = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT coalesce(max(version), 0) FROM published_versions WHERE inspection_id = @InspectionId", next, transaction, cancellationToken: ct));
        if (latest != expectedVersion)
            throw new ConcurrencyConflictException(
                $"the published figures of inspection {next.InspectionId} are at version {latest}, not {expectedVersion}: someone else has corrected them since; review them again");
        await InsertAsync(connection, transaction, next with { Version = latest + 1 }, ct);
        if (correction is not null) await CorrectionStore.InsertAsync(connection, transaction, correction, ct);
    }

    private static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StoredFiguresVersion v, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO published_versions (inspection_id, version, kind, reason, recorded_by, recorded_at, published_on, framework_id, framework_version,
                                            method_version, ratings, prompts)
            VALUES (@InspectionId, @Version, @Kind, @Reason, @RecordedBy, @at, @PublishedOn, @FrameworkId, @FrameworkVersion, @MethodVersion,
                    @RatingsJson::jsonb, @PromptsJson::jsonb)
            """,
            new
            {
                v.InspectionId, v.Version, v.Kind, v.Reason, v.RecordedBy, at = v.RecordedAt.UtcDateTime, v.PublishedOn, v.FrameworkId, v.FrameworkVersion,
                v.MethodVersion, v.RatingsJson, v.PromptsJson,
            }, transaction, cancellationToken: ct));

    private sealed record VersionRow(
        string InspectionId, int Version, string Kind, string Reason, string RecordedBy, DateTime RecordedAt, string PublishedOn,
        string FrameworkId, string FrameworkVersion, string MethodVersion, string RatingsJson, string PromptsJson)
    {
        public StoredFiguresVersion ToStored() =>
            new(InspectionId, Version, Kind, Reason, RecordedBy, StoredValues.Instant(RecordedAt), PublishedOn,
                FrameworkId, FrameworkVersion, MethodVersion, RatingsJson, PromptsJson);
    }
}
