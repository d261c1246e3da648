using Dapper;
using Npgsql;

namespace Inspection.Evidence.Data;

/// <summary>
/// The SQL of evidence items. Every change inserts a new version and moves the item's current-version pointer, so
/// history is never overwritten. Writes run in the caller's transaction (the one that claims the request id).
/// </summary>
public sealed class EvidenceItemStore(Database database)
{
    private const string EvidenceColumns =
        """
        i.evidence_id as evidenceid, i.inspection_id as inspectionid, i.added_at as addedat,
        v.version, v.standard_id as standardid, v.key_question_id as keyquestionid, v.source,
        v.evidence_date as evidencedate, v.summary, v.finding, v.case_references as casereferences,
        v.evidence_subsection as evidencesubsection, v.withdrawn, v.withdrawal_reason as withdrawalreason,
        v.recorded_by as recordedby, v.recorded_at as recordedat
        """;

    public Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EvidenceItem item, CancellationToken ct) =>
        VersionConflicts.GuardAsync(async () =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into evidence_items (evidence_id, inspection_id, current_version, added_at) values (@EvidenceId, @InspectionId, @Version, @AddedAt)",
                new { item.EvidenceId, item.InspectionId, item.Version, item.AddedAt }, transaction, cancellationToken: ct));
            await InsertVersionAsync(connection, transaction, item, ct);
        }, $"Evidence {item.EvidenceId} already exists");

    /// <summary>Adds the next version of an item; refused when someone else added one since it was read.</summary>
    public Task AppendVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EvidenceItem next, CancellationToken ct) =>
        VersionConflicts.GuardAsync(async () =>
        {
            var moved = await connection.ExecuteAsync(new CommandDefinition(
                "update evidence_items set current_version = @Version where evidence_id = @EvidenceId and current_version = @Version - 1",
                new { next.EvidenceId, next.Version }, transaction, cancellationToken: ct));
            if (moved == 0)
                throw new ConcurrencyConflictException($"Evidence {next.EvidenceId} is no longer at version {next.Version - 1}: read it again");
            await InsertVersionAsync(connection, transaction, next, ct);
        }, $"Evidence {next.EvidenceId} was changed by someone else: read it again");

    private static Task InsertVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EvidenceItem item, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            insert into evidence_versions (evidence_id, version, standard_id, key_question_id, source, evidence_date, summary, finding,
                case_references, evidence_subsection, withdrawn, withdrawal_reason, recorded_by, recorded_at)
            values (@EvidenceId, @Version, @StandardId, @KeyQuestionId, @Source, @EvidenceDate, @Summary, @Finding,
                @CaseReferences, @EvidenceSubsection, @Withdrawn, @WithdrawalReason, @RecordedBy, @RecordedAt)
            """,
            new
            {
                item.EvidenceId, item.Version, item.Content.StandardId, item.Content.KeyQuestionId, item.Content.Source,
                EvidenceDate = item.Content.EvidenceDate.ToDateTime(TimeOnly.MinValue), item.Content.Summary, item.Content.Finding,
                CaseReferences = item.Content.CaseReferences.ToArray(), item.Content.EvidenceSubsection,
                item.Withdrawn, item.WithdrawalReason, item.RecordedBy, item.RecordedAt,
            }, transaction, cancellationToken: ct));


    public async Task<EvidenceItem?> GetAsync(Guid evidenceId, long? version, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<EvidenceRow>(
            $"""
             select {EvidenceColumns}
             from evidence_items i join evidence_versions v on v.evidence_id = i.evidence_id
             where i.evidence_id = @evidenceId and v.version = coalesce(@version, i.current_version)
             """, new { evidenceId, version }, ct);
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<EvidenceItem>> GetHistoryAsync(Guid evidenceId, CancellationToken ct)
    {
        var rows = await database.QueryAsync<EvidenceRow>(
            $"""
             select {EvidenceColumns}
             from evidence_items i join evidence_versions v on v.evidence_id = i.evidence_id
             where i.evidence_id = @evidenceId
             order by v.version
             """, new { evidenceId }, ct);
        return rows.Select(r => r.ToDomain()).ToList();
    }

    /// <summary>The current version of each matching item, in the order the items were added.</summary>
    public async Task<IReadOnlyList<EvidenceItem>> ListAsync(EvidenceFilter filter, CancellationToken ct)
    {
        var rows = await database.QueryAsync<EvidenceRow>(
            $"""
             select {EvidenceColumns}
             from evidence_items i join evidence_versions v on v.evidence_id = i.evidence_id and v.version = i.current_version
             where i.inspection_id = @InspectionId
               and (@StandardId::text is null or v.standard_id = @StandardId)
               and (@KeyQuestionId::text is null or v.key_question_id = @KeyQuestionId)
               and (@Source::text is null or v.source = @Source)
               and (@Finding::text is null or v.finding = @Finding)
               and (@IncludeWithdrawn or not v.withdrawn)
             order by i.added_at, i.evidence_id
             """, filter, ct);
        return rows.Select(r => r.ToDomain()).ToList();
    }

    private sealed class EvidenceRow
    {
        public Guid EvidenceId { get; init; }
        public string InspectionId { get; init; } = "";
        public DateTime AddedAt { get; init; }
        public long Version { get; init; }
        public string StandardId { get; init; } = "";
        public string? KeyQuestionId { get; init; }
        public string Source { get; init; } = "";
        public DateTime EvidenceDate { get; init; }
        public string Summary { get; init; } = "";
        public string Finding { get; init; } = "";
        public string[] CaseReferences { get; init; } = [];
        public string? EvidenceSubsection { get; init; }
        public bool Withdrawn { get; init; }
        public string? WithdrawalReason { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTime RecordedAt { get; init; }

        public EvidenceItem ToDomain() => new(
            EvidenceId, InspectionId,
            new EvidenceContent(StandardId, KeyQuestionId, Source, DateOnly.FromDateTime(EvidenceDate), Summary, Finding, CaseReferences, EvidenceSubsection),
            Version, Withdrawn, WithdrawalReason, RecordedBy, StoredValues.Instant(RecordedAt), StoredValues.Instant(AddedAt));
    }
}
