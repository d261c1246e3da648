using Dapper;
using Npgsql;

namespace Inspection.Evidence.Data;

/// <summary>The SQL of judgements: per standard of an inspection, recording again inserts the next version.</summary>
public sealed class JudgementStore(Database database)
{
    private const string JudgementColumns =
        """
        inspection_id as inspectionid, standard_id as standardid, version, rating, rationale, panel_departure as paneldeparture,
        agreed_by as agreedby, state, recorded_by as recordedby, recorded_by_role as recordedbyrole, recorded_at as recordedat,
        correction_reason as correctionreason
        """;

    public Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Judgement judgement, CancellationToken ct) =>
        VersionConflicts.GuardAsync(() => connection.ExecuteAsync(new CommandDefinition(
            """
            insert into judgements (inspection_id, standard_id, version, rating, rationale, panel_departure, agreed_by, state, recorded_by, recorded_by_role, recorded_at, correction_reason)
            values (@InspectionId, @StandardId, @Version, @Rating, @Rationale, @PanelDeparture, @AgreedBy, @State, @RecordedBy, @RecordedByRole, @RecordedAt, @CorrectionReason)
            """, judgement, transaction, cancellationToken: ct)),
            $"The judgement of standard {judgement.StandardId} was recorded by someone else at the same time: read it again");

    /// <summary>The judgement at <paramref name="version"/>, or the standard's current one when null.</summary>
    public async Task<Judgement?> GetAsync(string inspectionId, string standardId, long? version, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<JudgementRow>(
            $"""
             select {JudgementColumns} from judgements
             where inspection_id = @inspectionId and standard_id = @standardId and (@version::bigint is null or version = @version)
             order by version desc limit 1
             """, new { inspectionId, standardId, version }, ct);
        return row?.ToDomain();
    }

    /// <summary>The current judgement of every standard of the inspection that has one.</summary>
    public async Task<IReadOnlyList<Judgement>> GetCurrentAsync(string inspectionId, CancellationToken ct)
    {
        var rows = await database.QueryAsync<JudgementRow>(
            $"""
             select distinct on (standard_id) {JudgementColumns} from judgements
             where inspection_id = @inspectionId
             order by standard_id, version desc
             """, new { inspectionId }, ct);
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<IReadOnlyList<Judgement>> GetHistoryAsync(string inspectionId, string standardId, CancellationToken ct)
    {
        var rows = await database.QueryAsync<JudgementRow>(
            $"select {JudgementColumns} from judgements where inspection_id = @inspectionId and standard_id = @standardId order by version",
            new { inspectionId, standardId }, ct);
        return rows.Select(r => r.ToDomain()).ToList();
    }

    private sealed class JudgementRow
    {
        public string InspectionId { get; init; } = "";
        public string StandardId { get; init; } = "";
        public long Version { get; init; }
        public string Rating { get; init; } = "";
        public string? Rationale { get; init; }
        public bool PanelDeparture { get; init; }
        public string? AgreedBy { get; init; }
        public string State { get; init; } = "";
        public string RecordedBy { get; init; } = "";
        public string? RecordedByRole { get; init; }
        public DateTime RecordedAt { get; init; }
        public string? CorrectionReason { get; init; }

        public Judgement ToDomain() => new(InspectionId, StandardId, Rating, Rationale, PanelDeparture, AgreedBy, State, RecordedBy,
            RecordedByRole, StoredValues.Instant(RecordedAt), Version, CorrectionReason);
    }
}
