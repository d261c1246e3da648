using Dapper;
using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;
using Inspection.Scoring.Domain.Assessments;
using Npgsql;

namespace Inspection.Scoring.Data;

/// <summary>
/// Moderation (issue 22): the flags of the assessments that count, each with the resolution that stands for it. A
/// flag raised now is resolved by its latest "answer kept" made on the same answers; a flag whose contradiction is gone
/// after an "answer changed" is listed with that resolution. Resolutions are appended, never changed.
/// </summary>
public sealed class ModerationStore(Database database)
{
    // The resolutions of one flag, newest first; `a` is the flag's row (either table: both carry the key columns).
    private const string OfTheFlag =
        "r.inspection_id = a.inspection_id AND r.sample_id IN (a.sample_id, '') AND r.case_reference = a.case_reference AND r.key_question_id = a.key_question_id";

    /// <summary>Appends the resolution in the caller's transaction.</summary>
    public static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ModerationResolutionWrite write, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO moderation_resolutions (resolution_id, inspection_id, sample_id, case_reference, key_question_id, kind, description,
                                                raised_on, resolution, note, resolved_by, resolved_at)
            VALUES (@ResolutionId, @InspectionId, @SampleId, @CaseReference, @KeyQuestionId, @Kind, @Description,
                    @RaisedOn, @Resolution, @Note, @ResolvedBy, @ResolvedAt)
            """,
            new
            {
                write.Resolution.ResolutionId, write.InspectionId, write.SampleId, write.Flag.CaseReference, write.Flag.KeyQuestionId,
                write.Flag.Kind, write.Flag.Description, write.Flag.RaisedOn, Resolution = write.Resolution.Resolution.Word(),
                write.Resolution.Note, write.Resolution.ResolvedBy, ResolvedAt = write.Resolution.ResolvedAt.UtcDateTime,
            }, transaction, cancellationToken: ct));

    /// <summary>Every flag of the assessments that count (the current sample's active cases), resolved or not, in case
    /// and key-question order.</summary>
    public async Task<IReadOnlyList<ModeratedFlag>> ListAsync(string inspectionId, CurrentSample? current, CancellationToken ct)
    {
        var rows = await database.QueryAsync<FlagRow>(
            $"""
            SELECT a.case_reference AS CaseReference, a.key_question_id AS KeyQuestionId, a.kind AS Kind, a.description AS Description,
                   a.raised_on AS RaisedOn, r.resolution_id AS ResolutionId, r.resolution AS Resolution, r.note AS Note,
                   r.resolved_by AS ResolvedBy, r.resolved_at AS ResolvedAt
            FROM moderation_flags a
            LEFT JOIN LATERAL (
                SELECT * FROM moderation_resolutions r
                WHERE {OfTheFlag} AND r.resolution = 'answer_kept' AND r.raised_on = a.raised_on
                ORDER BY r.seq DESC LIMIT 1) r ON true
            WHERE a.inspection_id = @inspectionId AND {CountedAnswers.Condition}
            UNION ALL
            SELECT a.case_reference, a.key_question_id, a.kind, a.description, a.raised_on, a.resolution_id, a.resolution, a.note,
                   a.resolved_by, a.resolved_at
            FROM moderation_resolutions a
            WHERE a.inspection_id = @inspectionId AND {CountedAnswers.Condition} AND a.resolution = 'answer_changed'
              AND NOT EXISTS (SELECT 1 FROM moderation_flags f
                              WHERE f.inspection_id = a.inspection_id AND f.sample_id IN (a.sample_id, '') AND f.case_reference = a.case_reference
                                AND f.key_question_id = a.key_question_id)
              AND a.seq = (SELECT max(r.seq) FROM moderation_resolutions r WHERE {OfTheFlag})
            ORDER BY 1, 2
            """, CountedAnswers.Parameters(inspectionId, current), ct);
        return rows.Select(r => r.ToModerated()).ToList();
    }

    /// <summary>The resolution recorded with <paramref name="resolutionId"/>, with the flag as it was resolved.</summary>
    public async Task<ModeratedFlag> GetAsync(Guid resolutionId, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<FlagRow>(
            """
            SELECT case_reference AS CaseReference, key_question_id AS KeyQuestionId, kind AS Kind, description AS Description,
                   raised_on AS RaisedOn, resolution_id AS ResolutionId, resolution AS Resolution, note AS Note,
                   resolved_by AS ResolvedBy, resolved_at AS ResolvedAt
            FROM moderation_resolutions WHERE resolution_id = @resolutionId
            """, new { resolutionId }, ct);
        return row?.ToModerated() ?? throw new NotFoundException("moderation flag resolution", resolutionId.ToString());
    }

    private sealed record FlagRow(
        string CaseReference, string KeyQuestionId, string Kind, string Description, string RaisedOn,
        Guid? ResolutionId, string? Resolution, string? Note, string? ResolvedBy, DateTime? ResolvedAt)
    {
        public ModeratedFlag ToModerated() => new(
            new ModerationFlag(CaseReference, KeyQuestionId, Kind, Description, RaisedOn),
            ResolutionId is { } id
                ? new FlagResolution(id, WireWords.ModerationResolutions.Parse("resolution", Resolution), Note ?? "", ResolvedBy ?? "", StoredValues.Instant(ResolvedAt!.Value))
                : null);
    }
}
