using Dapper;
using Inspection.Scoring.Domain.Ratings;
using Npgsql;

namespace Inspection.Scoring.Data;

/// <summary>The panel's departures from a computed rating: one per standard, replaced when recorded again.</summary>
public sealed class PanelDepartureStore(Database database)
{
    /// <summary>Records the departure in the caller's transaction (the inspection is pinned by then).</summary>
    public static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string inspectionId, PanelDeparture departure, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO panel_departures (inspection_id, standard_id, rating, rationale, agreed_by, recorded_at)
            VALUES (@inspectionId, @StandardId, @Rating, @Rationale, @AgreedBy, @recordedAt)
            ON CONFLICT (inspection_id, standard_id) DO UPDATE
            SET rating = excluded.rating, rationale = excluded.rationale, agreed_by = excluded.agreed_by, recorded_at = excluded.recorded_at
            """,
            new { inspectionId, departure.StandardId, departure.Rating, departure.Rationale, departure.AgreedBy, recordedAt = departure.RecordedAt.UtcDateTime },
            transaction, cancellationToken: ct));

    /// <summary>The standard's departure as stored now, or null.</summary>
    public async Task<PanelDeparture?> GetAsync(string inspectionId, string standardId, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<DepartureRow>(
            $"SELECT {DepartureRow.Columns} FROM panel_departures WHERE inspection_id = @inspectionId AND standard_id = @standardId",
            new { inspectionId, standardId }, ct);
        return row?.ToDomain();
    }
}
