using Dapper;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Breakdowns;
using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Data;

/// <summary>What the ratings count, counted by PostgreSQL (k and n per key question with GROUP BY), over the answers
/// that count (<see cref="CountedAnswers"/>).</summary>
public sealed class RatingCountStore(Database database)
{
    /// <summary>k and n per key question over the current sample's active cases, the panel departures, how many of
    /// those cases are assessed (and which completely), how many assessments are set aside, and each key question's
    /// applicable answers by case (for the design-based intervals), in one round trip.</summary>
    public async Task<RatingCounts> GetRatingCountsAsync(string inspectionId, CurrentSample? current, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT question_id AS QuestionId, {CountedAnswers.YesAndApplicable} FROM key_question_answers a WHERE a.inspection_id = @inspectionId AND {CountedAnswers.Condition} GROUP BY question_id;
            SELECT {DepartureRow.Columns} FROM panel_departures WHERE inspection_id = @inspectionId;
            SELECT count(*)::int FROM case_assessments a WHERE a.inspection_id = @inspectionId;
            SELECT case_reference, coalesce(questions_unanswered = 0, false) FROM case_assessments a WHERE a.inspection_id = @inspectionId AND {CountedAnswers.Condition};
            SELECT question_id AS QuestionId, case_reference AS CaseReference, a.answer = 'Yes' AS Yes FROM key_question_answers a WHERE a.inspection_id = @inspectionId AND {CountedAnswers.Condition} AND a.answer <> 'Not applicable';
            """, CountedAnswers.Parameters(inspectionId, current), cancellationToken: ct));
        var counts = (await grid.ReadAsync<CountRow>()).ToDictionary(r => r.QuestionId, r => new YesCount(r.Yes, r.Applicable), StringComparer.Ordinal);
        var departures = (await grid.ReadAsync<DepartureRow>()).ToDictionary(r => r.StandardId, r => r.ToDomain(), StringComparer.Ordinal);
        var all = await grid.ReadSingleAsync<int>();
        var complete = (await grid.ReadAsync<(string CaseReference, bool Complete)>()).ToDictionary(r => r.CaseReference, r => r.Complete, StringComparer.Ordinal);
        var answers = (await grid.ReadAsync<CaseAnswerRow>())
            .GroupBy(r => r.QuestionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, bool>)g.GroupBy(r => r.CaseReference, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Last().Yes, StringComparer.Ordinal), StringComparer.Ordinal);
        return new RatingCounts(counts, departures, complete.Count, complete, all - complete.Count) { ApplicableAnswers = answers };
    }

    public async Task<IReadOnlyDictionary<string, YesCount>> CountPromptAnswersAsync(string inspectionId, CurrentSample? current, CancellationToken ct)
    {
        var rows = await database.QueryAsync<CountRow>(
            $"SELECT question_id AS QuestionId, {CountedAnswers.YesAndApplicable} FROM prompt_answers a WHERE a.inspection_id = @inspectionId AND {CountedAnswers.Condition} GROUP BY question_id",
            CountedAnswers.Parameters(inspectionId, current), ct);
        return rows.ToDictionary(r => r.QuestionId, r => new YesCount(r.Yes, r.Applicable), StringComparer.Ordinal);
    }

    /// <summary>k and n per key question per value of a case attribute (cases without the attribute count under ""),
    /// over the current sample's active cases.</summary>
    public async Task<IReadOnlyList<GroupCount>> CountByAttributeAsync(string inspectionId, string attribute, CurrentSample? current, CancellationToken ct)
    {
        var rows = await database.QueryAsync<GroupRow>(
            $"""
            SELECT a.question_id AS QuestionId, coalesce(c.value, '') AS Value, {CountedAnswers.YesAndApplicable}
            FROM key_question_answers a
            LEFT JOIN case_attributes c
              ON c.inspection_id = a.inspection_id AND c.sample_id = a.sample_id AND c.case_reference = a.case_reference AND c.attribute = @attribute
            WHERE a.inspection_id = @inspectionId AND {CountedAnswers.Condition}
            GROUP BY a.question_id, coalesce(c.value, '')
            """, CountedAnswers.Parameters(inspectionId, current, new { attribute }), ct);
        return rows.Select(r => new GroupCount(r.QuestionId, r.Value, new YesCount(r.Yes, r.Applicable))).ToList();
    }

    /// <summary>The case-assessed inspections of a framework that have any assessment.</summary>
    public async Task<IReadOnlyList<string>> ListCaseAssessedInspectionsAsync(string frameworkId, CancellationToken ct)
    {
        var ids = await database.QueryAsync<string>(
            """
            SELECT i.inspection_id FROM inspections i
            WHERE i.framework_id = @frameworkId AND i.source = 'case_assessments'
              AND EXISTS (SELECT 1 FROM case_assessments a WHERE a.inspection_id = i.inspection_id)
            ORDER BY i.inspection_id
            """, new { frameworkId }, ct);
        return ids.ToList();
    }

    /// <summary>Per case-assessed inspection of the framework: its pinned version and k and n per key question, over
    /// each inspection's current sample's active cases (<paramref name="samples"/>; an inspection without one counts nothing).</summary>
    public async Task<IReadOnlyList<(string InspectionId, string Version, IReadOnlyDictionary<string, YesCount> Counts)>> CountKeyQuestionsByInspectionAsync(
        string frameworkId, IReadOnlyDictionary<string, CurrentSample> samples, CancellationToken ct)
    {
        var counted = samples.SelectMany(s => s.Value.ActiveReferences.Select(c => (Inspection: s.Key, Sample: s.Value.SampleId, Case: c))).ToList();
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<InspectionCountRow>(new CommandDefinition(
            $"""
            WITH counted (inspection_id, sample_id, case_reference) AS (
                SELECT * FROM unnest(@inspections::text[], @sampleIds::text[], @cases::text[])
            )
            SELECT a.inspection_id AS InspectionId, i.framework_version AS Version, a.question_id AS QuestionId, {CountedAnswers.YesAndApplicable}
            FROM key_question_answers a
            JOIN counted s ON s.inspection_id = a.inspection_id AND s.case_reference = a.case_reference AND a.sample_id IN (s.sample_id, '')
            JOIN inspections i ON i.inspection_id = a.inspection_id
            WHERE i.framework_id = @frameworkId AND i.source = 'case_assessments'
            GROUP BY a.inspection_id, i.framework_version, a.question_id
            """, new
            {
                frameworkId,
                inspections = counted.Select(c => c.Inspection).ToArray(),
                sampleIds = counted.Select(c => c.Sample).ToArray(),
                cases = counted.Select(c => c.Case).ToArray(),
            }, cancellationToken: ct, flags: CommandFlags.None));
        return rows.GroupBy(r => (r.InspectionId, r.Version))
            .Select(g => (g.Key.InspectionId, g.Key.Version,
                (IReadOnlyDictionary<string, YesCount>)g.ToDictionary(r => r.QuestionId, r => new YesCount(r.Yes, r.Applicable), StringComparer.Ordinal)))
            .ToList();
    }

    private sealed record CountRow(string QuestionId, int Yes, int Applicable);

    private sealed record CaseAnswerRow(string QuestionId, string CaseReference, bool Yes);

    private sealed record GroupRow(string QuestionId, string Value, int Yes, int Applicable);

    private sealed record InspectionCountRow(string InspectionId, string Version, string QuestionId, int Yes, int Applicable);
}
