using Dapper;
using Npgsql;
using Inspection.Evidence.Domain;

namespace Inspection.Evidence.Data;

/// <summary>The SQL of survey results: each result is one row, never changed.</summary>
public sealed class SurveyResultStore(Database database)
{
    private const string SurveyColumns =
        """
        survey_result_id as surveyresultid, inspection_id as inspectionid, survey, question, respondents, agreeing,
        standard_id as standardid, key_question_id as keyquestionid, recorded_by as recordedby, recorded_at as recordedat
        """;

    public Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SurveyResult result, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into survey_results (survey_result_id, inspection_id, survey, question, respondents, agreeing, standard_id, key_question_id, recorded_by, recorded_at)
            values (@SurveyResultId, @InspectionId, @Survey, @Question, @Respondents, @Agreeing, @StandardId, @KeyQuestionId, @RecordedBy, @RecordedAt)
            """,
            new
            {
                result.SurveyResultId, result.InspectionId, result.Survey, result.Question,
                Respondents = result.Agreeing.Denominator, Agreeing = result.Agreeing.Numerator,
                result.StandardId, result.KeyQuestionId, result.RecordedBy, result.RecordedAt,
            }, transaction, cancellationToken: ct));

    public async Task<SurveyResult?> GetAsync(Guid surveyResultId, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<SurveyRow>(
            $"select {SurveyColumns} from survey_results where survey_result_id = @surveyResultId", new { surveyResultId }, ct);
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<SurveyResult>> ListAsync(string inspectionId, string? survey, CancellationToken ct)
    {
        var rows = await database.QueryAsync<SurveyRow>(
            $"""
             select {SurveyColumns} from survey_results
             where inspection_id = @inspectionId and (@survey::text is null or survey = @survey)
             order by recorded_at, survey_result_id
             """, new { inspectionId, survey }, ct);
        return rows.Select(r => r.ToDomain()).ToList();
    }

    private sealed class SurveyRow
    {
        public Guid SurveyResultId { get; init; }
        public string InspectionId { get; init; } = "";
        public string Survey { get; init; } = "";
        public string Question { get; init; } = "";
        public int Respondents { get; init; }
        public int Agreeing { get; init; }
        public string? StandardId { get; init; }
        public string? KeyQuestionId { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTime RecordedAt { get; init; }

        public SurveyResult ToDomain() => new(SurveyResultId, InspectionId, Survey, Question, new Percentage(Agreeing, Respondents),
            StandardId, KeyQuestionId, RecordedBy, StoredValues.Instant(RecordedAt));
    }
}
