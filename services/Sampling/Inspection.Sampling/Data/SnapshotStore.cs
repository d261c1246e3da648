using System.Runtime.CompilerServices;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Inspection.Sampling.Data;

/// <summary>
/// The SQL of caseload snapshots: opening one, its batches (binary COPY of the cases not already present), completing it
/// (digest and image), and reading its cases back in canonical order. Writes run in the caller's transaction (the one
/// the request ledger claimed); reads open their own connection.
/// </summary>
public sealed class SnapshotStore(Database database)
{
    /// <summary>Opens a new snapshot with the provider's next version, in the caller's transaction.</summary>
    public async Task<StoredSnapshot> StartSnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string providerId,
        DateOnly takenOn, string description, DateTimeOffset now, CancellationToken ct)
    {
        // One opener at a time per provider, so versions are 1, 2, 3 ... without gaps or clashes.
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(hashtext('snapshot:' || @providerId))",
            new { providerId }, transaction, cancellationToken: ct));
        var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select coalesce(max(version), 0) + 1 from snapshots where provider_id = @providerId",
            new { providerId }, transaction, cancellationToken: ct));
        var id = Guid.NewGuid();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into snapshots (snapshot_id, provider_id, version, taken_on, description, status, created_at)
            values (@id, @providerId, @version, @takenOn, @description, 'importing', @now)
            """,
            new { id, providerId, version, takenOn = takenOn.ToDateTime(TimeOnly.MinValue), description, now },
            transaction, cancellationToken: ct));
        return await GetSnapshotAsync(connection, transaction, id, ct);
    }

    /// <summary>
    /// Adds a checked batch's good rows to an open snapshot, all or nothing. A case already present with the same
    /// attributes is skipped (a re-sent batch); with different attributes its row is refused, reported with the batch's
    /// own bad rows, by row (<see cref="BatchCheck.ThrowIfAny"/>).
    /// </summary>
    public async Task<ImportResult> ImportBatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid snapshotId,
        BatchCheck batch, CancellationToken ct)
    {
        var cases = batch.Records;
        {
            // Batches of one snapshot queue behind each other and behind its completion.
            var status = await LockOpenAsync(connection, transaction, snapshotId, ct);
            if (status != StoredSnapshot.Importing)
                throw new PreconditionFailedException($"Snapshot {snapshotId} is complete and can no longer change; start a new snapshot (a new version) instead.");
            if (cases.Count == 0)
            {
                batch.ThrowIfAny([]);
                var count = await CaseCountAsync(connection, transaction, snapshotId, ct);
                return new ImportResult(0, 0, 0, count);
            }

            // Cases of the batch already in the snapshot (a re-sent batch), compared here. One primary-key lookup per
            // reference sent: the lateral subquery with its limit is not flattened into a join, so however little
            // the planner knows of a table being filled, it never reads the whole snapshot to find a batch's cases.
            var sent = cases.ToDictionary(c => c.CaseReference, StringComparer.Ordinal);
            var present = new HashSet<string>(StringComparer.Ordinal);
            var conflicts = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = new NpgsqlCommand(
                $"""
                select {CaseRows.Qualified("p", CaseRows.Columns.Split(", "))}
                from unnest(@references) as sent (case_reference)
                cross join lateral (
                    select * from population_cases c
                    where c.snapshot_id = @snapshotId and c.case_reference = sent.case_reference
                    limit 1) p
                """,
                connection, transaction))
            {
                command.Parameters.AddWithValue("snapshotId", snapshotId);
                command.Parameters.AddWithValue("references", sent.Keys.ToArray());
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var stored = CaseRows.Read(reader, null);
                    present.Add(stored.CaseReference);
                    if (stored != sent[stored.CaseReference]) conflicts.Add(stored.CaseReference);
                }
            }
            batch.ThrowIfAny(cases.Select((c, i) => (c, Index: batch.Indexes[i]))
                .Where(x => conflicts.Contains(x.c.CaseReference))
                .Select(x => (x.Index, new FieldViolation($"cases[{x.Index}].case_reference",
                    $"{batch.RowLabel(x.Index)}case '{x.c.CaseReference}' is already in the snapshot with different attributes"))));

            // The new cases straight into the table by binary COPY (the snapshot's row lock keeps other batches out meanwhile).
            var inserted = 0;
            if (present.Count < cases.Count)
            {
                await using var writer = await connection.BeginBinaryImportAsync(
                    $"copy population_cases (snapshot_id, {CaseRows.Columns}) from stdin (format binary)", ct);
                // Synchronous writes: the rows are in memory already and an await per field costs more than the copy.
                foreach (var c in cases)
                {
                    if (present.Contains(c.CaseReference)) continue;
                    ct.ThrowIfCancellationRequested();
                    writer.StartRow();
                    writer.Write(snapshotId, NpgsqlDbType.Uuid);
                    CaseRows.Write(writer, c);
                    inserted++;
                }
                await writer.CompleteAsync(ct);
            }
            var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "update snapshots set case_count = case_count + @inserted where snapshot_id = @snapshotId returning case_count",
                new { inserted, snapshotId }, transaction, cancellationToken: ct));
            return new ImportResult(cases.Count, inserted, cases.Count - inserted, total);
        }
    }

    /// <summary>
    /// Seals a snapshot, records its digest and stores its image (<see cref="SnapshotImage"/>). Completing a complete
    /// snapshot again returns it unchanged. <paramref name="read"/> receives the cases read (canonical order), for the caller to keep.
    /// </summary>
    public async Task<StoredSnapshot> CompleteSnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid snapshotId,
        long expectedCaseCount, DateTimeOffset now, Action<PopulationColumns>? read, CancellationToken ct)
    {
        {
            var status = await LockOpenAsync(connection, transaction, snapshotId, ct);
            var count = await CaseCountAsync(connection, transaction, snapshotId, ct);
            if (expectedCaseCount > 0 && count != expectedCaseCount)
                throw new PreconditionFailedException($"Snapshot {snapshotId} holds {count} cases, not the {expectedCaseCount} expected: a batch is missing or extra.");
            if (status == StoredSnapshot.Complete) return await GetSnapshotAsync(connection, transaction, snapshotId, ct);
            if (count == 0) throw new PreconditionFailedException($"Snapshot {snapshotId} holds no cases.");

            var cases = await ReadColumnsAsync(connection, snapshotId, (int)count, ct);
            var digest = SnapshotDigest.Of(cases);
            await connection.ExecuteAsync(new CommandDefinition(
                "update snapshots set status = 'complete', digest = @digest, completed_at = @now where snapshot_id = @snapshotId",
                new { digest, now, snapshotId }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into snapshot_images (snapshot_id, format, image) values (@snapshotId, @format, @image)",
                new { snapshotId, format = SnapshotImage.Format, image = SnapshotImage.Write(cases, digest) }, transaction,
                cancellationToken: ct, commandTimeout: 0));
            var completed = await GetSnapshotAsync(connection, transaction, snapshotId, ct);
            read?.Invoke(cases);
            return completed;
        }
    }

    /// <summary>Locks the snapshot for a batch or its completion and gives its status; a withdrawn one takes neither.</summary>
    private static async Task<string> LockOpenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid snapshotId, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(string Status, bool Withdrawn)?>(new CommandDefinition(
            "select status, withdrawn_at is not null from snapshots where snapshot_id = @snapshotId for update",
            new { snapshotId }, transaction, cancellationToken: ct))
            ?? throw new NotFoundException("Snapshot", snapshotId.ToString());
        if (row.Withdrawn)
            throw new PreconditionFailedException($"Snapshot {snapshotId} was withdrawn and can no longer change; start a new snapshot (a new version) instead.");
        return row.Status;
    }

    /// <summary>
    /// Withdraws the snapshot unless a sample was drawn from it (FAILED_PRECONDITION saying which) or it is withdrawn
    /// already. Its row lock queues a draw from it behind the withdrawal, and a draw holding it ahead (<see cref="EnsureDrawableAsync"/>).
    /// </summary>
    public async Task<StoredSnapshot> WithdrawAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SnapshotWithdrawal withdrawal,
        DateTimeOffset now, CancellationToken ct)
    {
        var snapshotId = withdrawal.SnapshotId;
        await connection.ExecuteAsync(new CommandDefinition(
            "select 1 from snapshots where snapshot_id = @snapshotId for update", new { snapshotId }, transaction, cancellationToken: ct));
        var snapshot = await GetSnapshotAsync(connection, transaction, snapshotId, ct);
        if (snapshot.Withdrawn is { } withdrawn)
            throw new PreconditionFailedException($"Snapshot {snapshot.Version} of this provider was withdrawn already ({withdrawn.Reason}).");
        var used = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from samples where snapshot_id = @snapshotId)", new { snapshotId }, transaction, cancellationToken: ct));
        if (used)
            throw new PreconditionFailedException(
                $"Snapshot {snapshot.Version} of this provider cannot be withdrawn: a sample was drawn from it, and a sample's population is part of its record.");
        await connection.ExecuteAsync(new CommandDefinition(
            "update snapshots set withdrawn_at = @now, withdrawn_by = @WithdrawnBy, withdrawn_reason = @Reason where snapshot_id = @snapshotId",
            new { now, withdrawal.WithdrawnBy, withdrawal.Reason, snapshotId }, transaction, cancellationToken: ct));
        return await GetSnapshotAsync(connection, transaction, snapshotId, ct);
    }

    /// <summary>In a draw's transaction: the snapshot is not withdrawn, and stays so until the sample is stored (a shared row lock).</summary>
    public static async Task EnsureDrawableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid snapshotId, CancellationToken ct)
    {
        var withdrawn = await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
            "select withdrawn_at is not null from snapshots where snapshot_id = @snapshotId for share", new { snapshotId }, transaction, cancellationToken: ct))
            ?? throw new NotFoundException("Snapshot", snapshotId.ToString());
        if (withdrawn) throw new PreconditionFailedException($"Snapshot {snapshotId} was withdrawn: draw from another snapshot of the provider.");
    }

    public async Task<StoredSnapshot> GetSnapshotAsync(Guid snapshotId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await GetSnapshotAsync(connection, null, snapshotId, ct);
    }

    public async Task<IReadOnlyList<StoredSnapshot>> ListSnapshotsAsync(string? providerId, bool includeWithdrawn, CancellationToken ct)
    {
        var rows = await database.QueryAsync<SnapshotRow>(
            $"""
            select {SnapshotRow.Columns} from snapshots where (@providerId::text is null or provider_id = @providerId)
              and (@includeWithdrawn or withdrawn_at is null)
            order by provider_id, version
            """, new { providerId, includeWithdrawn }, ct);
        return rows.Select(r => r.ToSnapshot()).ToList();
    }

    /// <summary>Every case of a snapshot in canonical order.</summary>
    public async Task<List<CaseRecord>> LoadPopulationAsync(Guid snapshotId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var cases = new List<CaseRecord>();
        await foreach (var c in ReadPopulationAsync(connection, snapshotId, ct)) cases.Add(c);
        return cases;
    }

    /// <summary>
    /// A complete snapshot's cases in columns: from its image (one field), or, for a snapshot completed before images
    /// were kept or whose image does not match it, from its rows.
    /// </summary>
    public async Task<PopulationColumns> LoadCaseloadAsync(Guid snapshotId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var snapshot = await GetSnapshotAsync(connection, null, snapshotId, ct);
        await using (var command = new NpgsqlCommand("select image from snapshot_images where snapshot_id = @snapshotId and format = @format", connection))
        {
            command.Parameters.AddWithValue("snapshotId", snapshotId);
            command.Parameters.AddWithValue("format", SnapshotImage.Format);
            command.CommandTimeout = 0;
            // Streamed off the wire into the columns: the image itself is never held whole.
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            if (await reader.ReadAsync(ct))
            {
                PopulationColumns? cases;
                await using (var image = await reader.GetStreamAsync(0, ct))
                {
                    cases = await SnapshotImage.ReadAsync(image, snapshot.CaseCount, snapshot.Digest, ct);
                }
                if (cases is not null) return cases;
            }
        }
        return await ReadColumnsAsync(connection, snapshotId, (int)snapshot.CaseCount, ct);
    }

    /// <summary>Streams a snapshot's cases in canonical order.</summary>
    public async IAsyncEnumerable<CaseRecord> StreamPopulationAsync(Guid snapshotId, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await foreach (var c in ReadPopulationAsync(connection, snapshotId, ct)) yield return c;
    }

    private static async IAsyncEnumerable<CaseRecord> ReadPopulationAsync(NpgsqlConnection connection, Guid snapshotId,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // One row at a time off the wire (binary results, sequential access): a million cases load in about a second.
        await using var command = new NpgsqlCommand(
            $"select {CaseRows.Columns} from population_cases where snapshot_id = @snapshotId order by case_reference", connection);
        command.Parameters.AddWithValue("snapshotId", snapshotId);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            yield return CaseRows.Read(reader, shared);
        }
    }

    /// <summary>A snapshot's rows in canonical order by binary COPY, straight into columns.</summary>
    private static async Task<PopulationColumns> ReadColumnsAsync(NpgsqlConnection connection, Guid snapshotId, int expected, CancellationToken ct)
    {
        // COPY takes no parameters; the id is a Guid we format ourselves.
        var sql = $"copy (select {CaseRows.Columns} from population_cases where snapshot_id = '{snapshotId:D}' order by case_reference) to stdout (format binary)";
        await using var export = await connection.BeginBinaryExportAsync(sql, ct);
        var builder = new PopulationColumns.Builder(expected);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await export.StartRowAsync(ct) != -1)
        {
            builder.Add(
                caseReference: await export.ReadAsync<string>(ct),
                sentenceType: CaseRows.Word(CaseVocabulary.SentenceTypes, await export.ReadAsync<string>(ct)),
                startDate: await export.ReadAsync<DateOnly>(ct),
                gender: CaseRows.Word(CaseVocabulary.Genders, await export.ReadAsync<string>(ct)),
                ethnicGroup: CaseRows.Word(CaseVocabulary.EthnicGroups, await export.ReadAsync<string>(ct)),
                disability: await export.ReadAsync<bool>(ct),
                roshLevel: CaseRows.Word(CaseVocabulary.RoshLevels, await export.ReadAsync<string>(ct)),
                mappaLevel: await export.ReadAsync<short>(ct),
                prolificPriorityOffender: await export.ReadAsync<bool>(ct),
                approvedPremisesResident: await export.ReadAsync<bool>(ct),
                statutoryVictimContact: await export.ReadAsync<bool>(ct),
                unpaidWorkRequirement: await export.ReadAsync<bool>(ct),
                unpaidWorkOnly: await export.ReadAsync<bool>(ct),
                courtReportType: CaseRows.Word(CaseVocabulary.CourtReportTypes, await export.ReadAsync<string>(ct)),
                allocatedOffice: CaseRows.Shared(pool, await export.ReadAsync<string>(ct)),
                allocatedTeam: CaseRows.Shared(pool, await export.ReadAsync<string>(ct)));
        }
        return builder.Build();
    }

    private static async Task<long> CaseCountAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid snapshotId, CancellationToken ct)
        => await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select case_count from snapshots where snapshot_id = @snapshotId", new { snapshotId }, transaction, cancellationToken: ct));

    private static async Task<StoredSnapshot> GetSnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid snapshotId, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SnapshotRow>(new CommandDefinition(
            $"select {SnapshotRow.Columns} from snapshots where snapshot_id = @snapshotId", new { snapshotId }, transaction, cancellationToken: ct))
            ?? throw new NotFoundException("Snapshot", snapshotId.ToString());
        return row.ToSnapshot();
    }

    // The row shape Dapper fills through its constructor: each query selects exactly these columns, in this order.

    private sealed record SnapshotRow(
        Guid SnapshotId, string ProviderId, int Version, DateOnly TakenOn, string Description, string Status, long CaseCount, string Digest,
        DateTime CreatedAt, DateTime? CompletedAt, DateTime? WithdrawnAt, string WithdrawnBy, string WithdrawnReason)
    {
        public const string Columns =
            "snapshot_id, provider_id, version, taken_on, description, status, case_count, digest, created_at, completed_at, withdrawn_at, withdrawn_by, withdrawn_reason";

        public StoredSnapshot ToSnapshot() => new(SnapshotId, ProviderId, Version, TakenOn, Description, Status,
            CaseCount, Digest, StoredValues.Instant(CreatedAt), CompletedAt is { } at ? StoredValues.Instant(at) : null,
            WithdrawnAt is { } withdrawn ? new WithdrawnSnapshot(StoredValues.Instant(withdrawn), WithdrawnReason, WithdrawnBy) : null);
    }
}
