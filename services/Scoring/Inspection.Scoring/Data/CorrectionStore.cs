using Dapper;
using Npgsql;

namespace Inspection.Scoring.Data;

/// <summary>The changes made to a published inspection, each with its reason: appended in the change's own
/// transaction, never changed.</summary>
public sealed class CorrectionStore(Database database)
{
    /// <summary>Records the guard's correction, if the write is one.</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PublicationGuard guard, CancellationToken ct)
    {
        if (guard.Correction is not { } correction) return;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO corrections (inspection_id, kind, subject, reason, recorded_by, recorded_at)
            VALUES (@inspectionId, @Kind, @Subject, @Reason, @RecordedBy, @at)
            """, new { inspectionId = guard.InspectionId, correction.Kind, correction.Subject, correction.Reason, correction.RecordedBy, at = correction.RecordedAt.UtcDateTime },
            transaction, cancellationToken: ct));
    }

    /// <summary>The changes made to an inspection after its publication, oldest first.</summary>
    public async Task<IReadOnlyList<Correction>> ListAsync(string inspectionId, CancellationToken ct)
    {
        var rows = await database.QueryAsync<CorrectionRow>(
            """
            SELECT kind AS Kind, subject AS Subject, reason AS Reason, recorded_by AS RecordedBy, recorded_at AS RecordedAt
            FROM corrections WHERE inspection_id = @inspectionId ORDER BY correction_id
            """, new { inspectionId }, ct);
        return rows.Select(r => new Correction(r.Kind, r.Subject, r.Reason, r.RecordedBy, StoredValues.Instant(r.RecordedAt))).ToList();
    }

    private sealed record CorrectionRow(string Kind, string Subject, string Reason, string RecordedBy, DateTime RecordedAt);
}
