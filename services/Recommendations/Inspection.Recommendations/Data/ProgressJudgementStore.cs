using Dapper;
using Npgsql;

namespace Inspection.Recommendations.Data;

/// <summary>Progress judgements: append-only (a correction at the same inspection is a new revision), so the history is the progress record.</summary>
public sealed class ProgressJudgementStore(Database database)
{
    public async Task InsertAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid judgementId, NewProgressJudgement judgement, string word, string correctionReason, CancellationToken ct)
    {
        try
        {
            await c.ExecuteAsync(new CommandDefinition(
                """
                insert into progress_judgements
                    (judgement_id, recommendation_id, inspection_id, revision, judgement, findings, repeated_from_previous_inspection, recorded_by, correction_reason)
                values (@judgementId, @RecommendationId, @InspectionId,
                        (select coalesce(max(revision), 0) + 1 from progress_judgements
                         where recommendation_id = @RecommendationId and inspection_id = @InspectionId),
                        @word, @Findings, @RepeatedFromPreviousInspection, @RecordedBy, @correctionReason)
                """,
                new { judgementId, judgement.RecommendationId, judgement.InspectionId, word, judgement.Findings, judgement.RepeatedFromPreviousInspection, judgement.RecordedBy, correctionReason },
                tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "progress_judgements_revision_key")
        {
            throw new ConcurrencyConflictException(
                $"Another judgement of recommendation {Identifier.Format(judgement.RecommendationId)} at this inspection was recorded at the same time; read it and try again.");
        }
    }

    public async Task<ProgressJudgement> GetAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid judgementId, CancellationToken ct)
    {
        return (await c.QueryAsync<JudgementRow>(new CommandDefinition(
                JudgementRow.Select + " where j.judgement_id = @judgementId", new { judgementId }, tx, cancellationToken: ct)))
            .SingleOrDefault()?.ToJudgement() ?? throw new NotFoundException("Progress judgement", Identifier.Format(judgementId));
    }

    /// <summary>Every judgement at <paramref name="inspectionId"/> and of recommendations addressed to <paramref name="providers"/> (null: any), with what a summary groups by.</summary>
    public async Task<IReadOnlyList<ProgressFact>> FactsAsync(Guid? inspectionId, Guid[]? providers, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        // The judgement's columns fill a JudgementRow, those from judging_provider_name on the rest of the fact.
        var rows = await c.QueryAsync<JudgementRow, FactRow, ProgressFact>(new CommandDefinition(
            """
            select j.judgement_id, j.sequence, j.recommendation_id, j.inspection_id, ji.provider_id as inspection_provider_id, j.judgement,
                   j.findings, j.repeated_from_previous_inspection, j.revision, j.recorded_by, j.recorded_at, j.correction_reason,
                   jp.name as judging_provider_name, ji.fieldwork_start as judging_fieldwork_start, ji.published_on as judging_published_on,
                   r.addressee_provider_id, a.name as addressee_name, a.region as addressee_region, r.addressee_group
            from progress_judgements j
            join inspections ji on ji.inspection_id = j.inspection_id
            join providers jp on jp.provider_id = ji.provider_id
            join recommendations r on r.recommendation_id = j.recommendation_id
            join providers a on a.provider_id = r.addressee_provider_id
            where (@inspectionId::uuid is null or j.inspection_id = @inspectionId)
              and (@providers::uuid[] is null or r.addressee_provider_id = any(@providers))
            order by j.sequence
            """,
            new { inspectionId, providers }, cancellationToken: ct),
            (judgement, fact) => fact.ToFact(judgement.ToJudgement()), splitOn: "judging_provider_name");
        return rows.ToList();
    }

    /// <summary>What a fact adds to its judgement: the judging inspection's label and dates, and the addressee.</summary>
    private sealed record FactRow(
        string JudgingProviderName, DateOnly? JudgingFieldworkStart, DateOnly? JudgingPublishedOn,
        Guid AddresseeProviderId, string AddresseeName, string AddresseeRegion, string AddresseeGroup)
    {
        public ProgressFact ToFact(ProgressJudgement judgement)
        {
            var date = JudgingFieldworkStart ?? JudgingPublishedOn;
            var label = date is { } d ? $"{JudgingProviderName} ({CalendarDate.ToText(d)})" : JudgingProviderName;
            return new ProgressFact(judgement, label, date, AddresseeProviderId, AddresseeName, AddresseeRegion,
                Domain.Recommendations.AddresseeGroup.FromWord(AddresseeGroup));
        }
    }
}
