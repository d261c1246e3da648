using Dapper;
using Inspection.Scoring.Domain.Frameworks;
using Npgsql;

namespace Inspection.Scoring.Data;

/// <summary>The inspections this service holds data for: the framework version each is pinned to by its first write,
/// and where its figures come from (case assessments or published results).</summary>
public sealed class InspectionStore(Database database)
{
    public async Task<PinnedInspection?> GetAsync(string inspectionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await GetAsync(connection, null, inspectionId, ct);
    }

    private static Task<PinnedInspection?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string inspectionId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PinnedInspection>(new CommandDefinition(
            """
            SELECT i.inspection_id AS InspectionId, i.framework_id AS FrameworkId, i.framework_version AS FrameworkVersion,
                   i.source AS Source, v.definition AS Definition
            FROM inspections i
            JOIN framework_versions v ON v.framework_id = i.framework_id AND v.version = i.framework_version
            WHERE i.inspection_id = @inspectionId
            """, new { inspectionId }, transaction, cancellationToken: ct));

    /// <summary>Pins the inspection to the framework version on its first write, in the write's transaction; later
    /// writes keep the first pin. Refuses a write of the other kind (case answers for a published inspection, or the
    /// reverse).</summary>
    public static async Task<PinnedInspection> PinAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string inspectionId, Framework framework, string source, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO framework_versions (framework_id, version, definition) VALUES (@Id, @Version, @DefinitionJson)
            ON CONFLICT DO NOTHING;
            INSERT INTO inspections (inspection_id, framework_id, framework_version, source) VALUES (@inspectionId, @Id, @Version, @source)
            ON CONFLICT DO NOTHING;
            """, new { framework.Id, framework.Version, framework.DefinitionJson, inspectionId, source }, transaction, cancellationToken: ct));
        var pinned = (await GetAsync(connection, transaction, inspectionId, ct))!;
        if (pinned.Source != source) throw WrongSource(pinned.Source, inspectionId);
        return pinned;
    }

    /// <summary>Refuses a write of the other kind than the inspection holds.</summary>
    public static PreconditionFailedException WrongSource(string heldSource, string inspectionId) =>
        new(heldSource == PinnedInspection.Published
            ? $"inspection {inspectionId} is recorded from its published results; it takes no case-level data"
            : $"inspection {inspectionId} has case assessments; its ratings are computed from them, not recorded as published");

    /// <summary>Serialises the writes of one inspection (its row locked to the end of the transaction).</summary>
    public static Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string inspectionId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM inspections WHERE inspection_id = @inspectionId FOR UPDATE", new { inspectionId }, transaction, cancellationToken: ct));

    public async Task<string?> GetFrameworkDefinitionAsync(string frameworkId, string version, CancellationToken ct)
    {
        return await database.QuerySingleOrDefaultAsync<string>(
            "SELECT definition FROM framework_versions WHERE framework_id = @frameworkId AND version = @version",
            new { frameworkId, version }, ct);
    }
}
