using Dapper;
using Inspection.Data;
using Inspection.Scoring.Domain.History;

namespace Inspection.Scoring.Data;

/// <summary>Each standard's rating in the newest stored version of every inspection's published figures (issue 19:
/// as published, or as corrected since), read in one statement from the stored ratings' JSON.</summary>
public sealed class RatingHistoryStore(Database database)
{
    public async Task<IReadOnlyList<PublishedStandardRating>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            WITH newest AS (
                SELECT DISTINCT ON (inspection_id) inspection_id, ratings
                FROM published_versions ORDER BY inspection_id, version DESC)
            SELECT n.inspection_id AS InspectionId, s.standard ->> 'standardId' AS StandardId, coalesce(s.standard ->> 'name', '') AS StandardName,
                   s.standard ->> 'finalRating' AS Rating, s.position::int AS Position
            FROM newest n
            CROSS JOIN LATERAL jsonb_array_elements(coalesce(n.ratings -> 'standards', '[]'::jsonb)) WITH ORDINALITY AS s(standard, position)
            WHERE coalesce(s.standard ->> 'finalRating', '') <> ''
            """, cancellationToken: ct));
        return rows.Select(r => new PublishedStandardRating(r.InspectionId, r.StandardId, r.StandardName, r.Rating, r.Position)).ToList();
    }

    private sealed record Row(string InspectionId, string StandardId, string StandardName, string Rating, int Position);
}
