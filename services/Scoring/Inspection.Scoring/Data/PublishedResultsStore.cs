using Dapper;
using Inspection.Scoring.Domain.Ratings;
using Npgsql;

namespace Inspection.Scoring.Data;

/// <summary>The figures and ratings of a report published before the system, as transcribed: one set per inspection,
/// replaced (as a correction once the inspection is published) when recorded again.</summary>
public sealed class PublishedResultsStore(Database database)
{
    /// <summary>Stores the results in the caller's transaction (the inspection is pinned by then).</summary>
    public static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string inspectionId, PublishedResults results, string source, string recordedBy,
        DateTimeOffset recordedAt, PublicationGuard guard, CancellationToken ct)
    {
        // Transcribing a report published before the system is its first recording; replacing it is a change.
        var existing = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM published_results WHERE inspection_id = @inspectionId)", new { inspectionId }, transaction, cancellationToken: ct));
        if (existing) guard.RequireCorrection("its published results");
        await CorrectionStore.InsertAsync(connection, transaction, guard, ct);
        var figures = results.KeyQuestions.Select((f, i) => (Kind: "key_question", f.Key, f.Value, i))
            .Concat(results.Prompts.Select((f, i) => (Kind: "prompt", f.Key, f.Value, i)))
            .ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM published_results WHERE inspection_id = @inspectionId;
            INSERT INTO published_results (inspection_id, risk_of_harm_thread_pct, source, recorded_by, recorded_at)
            VALUES (@inspectionId, @thread, @source, @recordedBy, @recordedAt);
            INSERT INTO published_figures (inspection_id, kind, question_id, pct, n, k, position)
            SELECT @inspectionId, kind, q, p, n, k, pos
            FROM unnest(@kinds::text[], @questions::text[], @pcts::int[], @ns::int[], @ks::int[], @positions::int[]) AS t(kind, q, p, n, k, pos);
            INSERT INTO published_ratings (inspection_id, standard_id, rating, note, position)
            SELECT @inspectionId, s, r, n, pos FROM unnest(@standards::text[], @ratings::text[], @notes::text[], @ratingPositions::int[]) AS t(s, r, n, pos);
            INSERT INTO published_criteria (inspection_id, criterion_id, pct, position)
            SELECT @inspectionId, c, p, pos FROM unnest(@criteria::text[], @criterionPcts::float8[], @criterionPositions::int[]) AS t(c, p, pos);
            INSERT INTO published_grades (inspection_id, criterion_id, grade, position)
            SELECT @inspectionId, c, g, pos FROM unnest(@gradeCriteria::text[], @grades::text[], @gradePositions::int[]) AS t(c, g, pos);
            """,
            new
            {
                inspectionId,
                thread = results.RiskOfHarmThreadPct,
                source,
                recordedBy,
                recordedAt = recordedAt.UtcDateTime,
                kinds = figures.Select(f => f.Kind).ToArray(),
                questions = figures.Select(f => f.Key).ToArray(),
                pcts = figures.Select(f => f.Value.Pct).ToArray(),
                ns = figures.Select(f => f.Value.Applicable).ToArray(),
                ks = figures.Select(f => f.Value.Yes).ToArray(),
                positions = figures.Select(f => f.i).ToArray(),
                standards = results.Ratings.Keys.ToArray(),
                ratings = results.Ratings.Values.Select(r => r.Rating).ToArray(),
                notes = results.Ratings.Values.Select(r => r.Note).ToArray(),
                ratingPositions = Enumerable.Range(0, results.Ratings.Count).ToArray(),
                criteria = results.CriterionPcts.Keys.ToArray(),
                criterionPcts = results.CriterionPcts.Values.ToArray(),
                criterionPositions = Enumerable.Range(0, results.CriterionPcts.Count).ToArray(),
                gradeCriteria = results.Section4Grades.Keys.ToArray(),
                grades = results.Section4Grades.Values.ToArray(),
                gradePositions = Enumerable.Range(0, results.Section4Grades.Count).ToArray(),
            }, transaction, cancellationToken: ct));
    }

    public async Task<StoredPublishedResults?> GetAsync(string inspectionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await GetAsync(connection, null, inspectionId, ct);
    }

    private static async Task<StoredPublishedResults?> GetAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string inspectionId, CancellationToken ct)
    {
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition(
            """
            SELECT risk_of_harm_thread_pct AS Thread, source AS Source, recorded_by AS RecordedBy, recorded_at AS RecordedAt
            FROM published_results WHERE inspection_id = @inspectionId;
            SELECT kind AS Kind, question_id AS QuestionId, pct AS Pct, n AS N, k AS K FROM published_figures
            WHERE inspection_id = @inspectionId ORDER BY kind, position;
            SELECT standard_id AS StandardId, rating AS Rating, note AS Note FROM published_ratings WHERE inspection_id = @inspectionId ORDER BY position;
            SELECT criterion_id AS Id, pct AS Pct FROM published_criteria WHERE inspection_id = @inspectionId ORDER BY position;
            SELECT criterion_id AS Id, grade AS Grade FROM published_grades WHERE inspection_id = @inspectionId ORDER BY position;
            """, new { inspectionId }, transaction, cancellationToken: ct));
        var head = await grid.ReadSingleOrDefaultAsync<PublishedHeadRow>();
        if (head is null) return null;
        var figures = (await grid.ReadAsync<FigureRow>()).ToList();
        var ratings = (await grid.ReadAsync<PublishedRating>()).ToDictionary(r => r.StandardId, StringComparer.Ordinal);
        var criteria = (await grid.ReadAsync<(string Id, double Pct)>()).ToDictionary(c => c.Id, c => c.Pct, StringComparer.Ordinal);
        var grades = (await grid.ReadAsync<(string Id, string Grade)>()).ToDictionary(g => g.Id, g => g.Grade, StringComparer.Ordinal);
        var results = new PublishedResults(
            figures.Where(f => f.Kind == "key_question").ToDictionary(f => f.QuestionId, f => new PublishedFigure(f.Pct, f.N, f.K), StringComparer.Ordinal),
            figures.Where(f => f.Kind == "prompt").ToDictionary(f => f.QuestionId, f => new PublishedFigure(f.Pct, f.N, f.K), StringComparer.Ordinal),
            ratings, criteria, grades, head.Thread);
        return new StoredPublishedResults(inspectionId, results, head.Source, head.RecordedBy,
            StoredValues.Instant(head.RecordedAt));
    }

    private sealed record PublishedHeadRow(double? Thread, string Source, string RecordedBy, DateTime RecordedAt);

    private sealed record FigureRow(string Kind, string QuestionId, int Pct, int? N, int? K);
}
