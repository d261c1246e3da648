namespace Inspection.Evidence.Application;

/// <summary>Survey results: RecordSurveyResult (the percentage computed, never typed in) and ListSurveyResults.</summary>
public sealed class SurveyResults(SurveyResultStore store, RequestLedger ledger, InspectionFrameworks frameworks, TimeProvider clock)
{
    /// <summary>The first answer, as the ledger keeps it: {"survey_result_id"}.</summary>
    internal sealed record ResultId(Guid SurveyResultId);

    private LedgerAnswer<SurveyResult, ResultId> Answer => new(
        result => new ResultId(result.SurveyResultId),
        async (kept, ct) => await store.GetAsync(kept.SurveyResultId, ct) ?? throw new NotFoundException("Survey result", kept.SurveyResultId.ToString()));

    public Task<SurveyResult> RecordAsync(RecordSurveyResult command, CancellationToken ct) =>
        ledger.OnceAsync(RequestKey.For(command.RequestId, command), Answer,
            async _ =>
            {
                var inspectionId = RequestIds.Required(command.InspectionId, "inspection_id");
                var framework = await frameworks.FrameworkOfAsync(inspectionId, ct);
                return SurveyResult.Create(Guid.NewGuid(), inspectionId, framework, command.Result, RecordingTime.Now(clock));
            },
            (result, connection, transaction) => store.InsertAsync(connection, transaction, result, ct), ct);

    public Task<IReadOnlyList<SurveyResult>> ListAsync(string? inspectionId, string? survey, CancellationToken ct)
    {
        var id = RequestIds.Required(inspectionId, "inspection_id");
        if (survey is not null && !Survey.IsKnown(survey))
            throw new ValidationException("survey", $"'{survey}' is not a survey (expected one of {string.Join(", ", Survey.All)})");
        return store.ListAsync(id, survey, ct);
    }
}
