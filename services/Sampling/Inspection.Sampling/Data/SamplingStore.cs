using System.Runtime.CompilerServices;
using Dapper;
using Inspection.Data;
using Inspection.Domain;
using Inspection.Sampling.Domain;
using Npgsql;
using NpgsqlTypes;
using Inspection.Sampling.Domain.Allocation;
using Inspection.Sampling.Domain.Drawing;
using Inspection.Sampling.Domain.Eligibility;
using Inspection.Sampling.Domain.Membership;
using Inspection.Sampling.Domain.Population;
using Inspection.Sampling.Domain.Sizing;

namespace Inspection.Sampling.Data;

/// <summary>
/// All of case sampling's SQL. Writes run in the transaction the request ledger claimed (the caller's): snapshots
/// are written in batches (binary COPY of the cases not already present); samples with their cases and reserves
/// together; substitutions under a row lock on their sample. Reads open their own connection.
/// </summary>
public sealed class SamplingStore(Database database)
{
    private const string CaseColumns =
        "case_reference, sentence_type, start_date, gender, ethnic_group, disability, rosh_level, mappa_level, " +
        "prolific_priority_offender, approved_premises_resident, statutory_victim_contact, unpaid_work_requirement, " +
        "unpaid_work_only, court_report_type, allocated_office, allocated_team";

    private static readonly string[] AttributeColumns = CaseColumns.Split(", ")[1..];

    static SamplingStore() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    private static string Qualified(string alias, IEnumerable<string> columns) => string.Join(", ", columns.Select(c => alias + "." + c));

    // ================= Snapshots =================

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
    /// Adds a validated batch to an open snapshot, all or nothing. A case already present with the same
    /// attributes is skipped (a re-sent batch); with different attributes the batch is refused naming the row.
    /// </summary>
    public async Task<ImportResult> ImportBatchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid snapshotId,
        IReadOnlyList<CaseRecord> cases, CancellationToken ct)
    {
        {
            // Batches of one snapshot queue behind each other and behind its completion.
            var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "select status from snapshots where snapshot_id = @snapshotId for update",
                new { snapshotId }, transaction, cancellationToken: ct))
                ?? throw new NotFoundException("Snapshot", snapshotId.ToString());
            if (status != StoredSnapshot.Importing)
                throw new PreconditionFailedException($"Snapshot {snapshotId} is complete and can no longer change; start a new snapshot (a new version) instead.");
            if (cases.Count == 0)
            {
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
                select {Qualified("p", CaseColumns.Split(", "))}
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
                    var stored = ReadCase(reader, null);
                    present.Add(stored.CaseReference);
                    if (stored != sent[stored.CaseReference]) conflicts.Add(stored.CaseReference);
                }
            }
            if (conflicts.Count > 0)
            {
                var violations = cases.Select((c, i) => (c, i))
                    .Where(x => conflicts.Contains(x.c.CaseReference))
                    .Select(x => new FieldViolation($"cases[{x.i}].case_reference",
                        $"case '{x.c.CaseReference}' is already in the snapshot with different attributes"))
                    .ToList();
                throw new ValidationException(violations);
            }

            // The new cases straight into the table by binary COPY (the snapshot's row lock keeps other batches out meanwhile).
            var inserted = 0;
            if (present.Count < cases.Count)
            {
                await using var writer = await connection.BeginBinaryImportAsync(
                    $"copy population_cases (snapshot_id, {CaseColumns}) from stdin (format binary)", ct);
                // Synchronous writes: the rows are in memory already and an await per field costs more than the copy.
                foreach (var c in cases)
                {
                    if (present.Contains(c.CaseReference)) continue;
                    ct.ThrowIfCancellationRequested();
                    writer.StartRow();
                    writer.Write(snapshotId, NpgsqlDbType.Uuid);
                    WriteCase(writer, c);
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
            var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "select status from snapshots where snapshot_id = @snapshotId for update",
                new { snapshotId }, transaction, cancellationToken: ct))
                ?? throw new NotFoundException("Snapshot", snapshotId.ToString());
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

    public async Task<StoredSnapshot> GetSnapshotAsync(Guid snapshotId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await GetSnapshotAsync(connection, null, snapshotId, ct);
    }

    public async Task<IReadOnlyList<StoredSnapshot>> ListSnapshotsAsync(string? providerId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<SnapshotRow>(new CommandDefinition(
            """
            select * from snapshots where (@providerId::text is null or provider_id = @providerId)
            order by provider_id, version
            """, new { providerId }, cancellationToken: ct));
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

    // ================= Samples =================

    /// <summary>Stores a draw, in the caller's transaction: the sample, its sampled cases and its reserves.</summary>
    public async Task InsertSampleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid sampleId, DrawRequest request,
        Guid snapshotId, DrawOutcome outcome, DateTimeOffset drawnAt, CancellationToken ct)
    {
        var strata = outcome.Strata.Select(s => new StratumSummary(s.Key, s.Population, s.ProportionalShare, s.QuotaFloor, s.Allocated)).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into samples (sample_id, inspection_id, snapshot_id, seed, algorithm_version,
                                 parameters, size, exclusions, strata, quotas, population_size, eligible_size, drawn_by, drawn_at)
            values (@sampleId, @inspectionId, @snapshotId, @seed, @algorithmVersion,
                    @parameters::jsonb, @size::jsonb, @exclusions::jsonb, @strata::jsonb, @quotas::jsonb,
                    @populationSize, @eligibleSize, @drawnBy, @drawnAt)
            """,
            new
            {
                sampleId, inspectionId = request.InspectionId, snapshotId,
                seed = (decimal)request.Seed, algorithmVersion = outcome.AlgorithmVersion,
                parameters = SamplingJson.Write(request), size = SamplingJson.Write(outcome.Size),
                exclusions = SamplingJson.Write(outcome.Exclusions), strata = SamplingJson.Write(strata),
                quotas = SamplingJson.Write(outcome.Quotas), populationSize = outcome.PopulationSize,
                eligibleSize = outcome.EligibleSize, drawnBy = request.DrawnBy, drawnAt,
            }, transaction, cancellationToken: ct));

        await using var writer = await connection.BeginBinaryImportAsync(
            "copy sample_cases (sample_id, case_reference, stratum, role, status, selected_by, draw_position, reserve_rank) from stdin (format binary)", ct);
        foreach (var c in outcome.Cases)
        {
            await WriteMemberAsync(writer, sampleId, c, SampleMember.Sampled, SampleMember.Active, c.SelectedBy, 0, ct);
        }
        foreach (var stratum in outcome.Strata)
        {
            for (var rank = 0; rank < stratum.Reserves.Count; rank++)
            {
                await WriteMemberAsync(writer, sampleId, stratum.Reserves[rank], SampleMember.Reserve, SampleMember.Waiting, "", rank + 1, ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    public async Task<StoredSample> GetSampleAsync(Guid sampleId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SampleRow>(new CommandDefinition(
            """
            select s.*, n.version as snapshot_version, n.digest as snapshot_digest,
                   s.draw_sequence = (select max(o.draw_sequence) from samples o where o.inspection_id = s.inspection_id) as current
            from samples s join snapshots n on n.snapshot_id = s.snapshot_id
            where s.sample_id = @sampleId
            """, new { sampleId }, cancellationToken: ct))
            ?? throw new NotFoundException("Sample", sampleId.ToString());
        var cases = await connection.QueryAsync<SampleCaseRow>(new CommandDefinition(
            $"""
            select m.stratum, m.role, m.status, m.selected_by, m.draw_position, m.reserve_rank, m.replaces, m.replaced_by,
                   {Qualified("p", CaseColumns.Split(", "))}
            from sample_cases m
            join samples s on s.sample_id = m.sample_id
            join population_cases p on p.snapshot_id = s.snapshot_id and p.case_reference = m.case_reference
            where m.sample_id = @sampleId
            order by m.draw_position
            """, new { sampleId }, cancellationToken: ct));
        var substitutions = await connection.QueryAsync<SubstitutionRow>(new CommandDefinition(
            "select * from substitutions where sample_id = @sampleId order by sequence", new { sampleId }, cancellationToken: ct));
        return new StoredSample(
            row.SampleId, row.InspectionId, row.SnapshotId, row.SnapshotVersion, row.SnapshotDigest,
            SamplingJson.Read<DrawRequest>(row.Parameters), row.AlgorithmVersion, row.DrawnAt, row.Current,
            row.PopulationSize, row.EligibleSize,
            SamplingJson.Read<List<ExclusionCount>>(row.Exclusions), SamplingJson.Read<SampleSize>(row.Size),
            SamplingJson.Read<List<StratumSummary>>(row.Strata), SamplingJson.Read<List<QuotaOutcome>>(row.Quotas),
            cases.Select(c => c.ToStored()).ToList(), substitutions.Select(s => s.ToStored()).ToList());
    }

    /// <summary>The inspection's current sample: its newest draw.</summary>
    public async Task<Guid?> CurrentSampleIdAsync(string inspectionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "select sample_id from samples where inspection_id = @inspectionId order by draw_sequence desc limit 1",
            new { inspectionId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<StoredSampleSummary>> ListSamplesAsync(string? inspectionId, Guid? snapshotId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<SampleSummaryRow>(new CommandDefinition(
            """
            select s.sample_id, s.inspection_id, s.snapshot_id, s.seed, s.algorithm_version, s.drawn_by, s.drawn_at,
                   (s.size ->> 'n')::int as size,
                   s.draw_sequence = (select max(o.draw_sequence) from samples o where o.inspection_id = s.inspection_id) as current,
                   (select count(*) from substitutions u where u.sample_id = s.sample_id)::int as substitutions
            from samples s
            where (@inspectionId::text is null or s.inspection_id = @inspectionId)
              and (@snapshotId::uuid is null or s.snapshot_id = @snapshotId)
            order by s.draw_sequence
            """, new { inspectionId, snapshotId }, cancellationToken: ct));
        return rows.Select(r => new StoredSampleSummary(r.SampleId, r.InspectionId, r.SnapshotId, r.Size, (ulong)r.Seed,
            r.AlgorithmVersion, r.DrawnBy, r.DrawnAt, r.Current, r.Substitutions)).ToList();
    }

    /// <summary>
    /// Records a substitution decided by <paramref name="decide"/> over the sample's current membership, in the caller's
    /// transaction, under a lock on the sample so two substitutions never take the same reserve.
    /// </summary>
    public async Task<StoredSubstitution> SubstituteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid sampleId,
        Func<CaseSample, CaseSubstitution> decide, DateTimeOffset now, CancellationToken ct)
    {
        var locked = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "select sample_id from samples where sample_id = @sampleId for update", new { sampleId }, transaction, cancellationToken: ct))
            ?? throw new NotFoundException("Sample", sampleId.ToString());
        var members = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            "select case_reference, stratum, role, status, reserve_rank, replaced_by from sample_cases where sample_id = @sampleId",
            new { sampleId }, transaction, cancellationToken: ct));
        var sofar = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*) from substitutions where sample_id = @sampleId", new { sampleId }, transaction, cancellationToken: ct));
        var substitution = decide(new CaseSample(locked.ToString(),
            members.Select(m => new SampleMember(m.CaseReference, m.Stratum, m.Role, m.Status, m.ReserveRank, m.ReplacedBy)).ToList(), sofar));

        await connection.ExecuteAsync(new CommandDefinition(
            """
            update sample_cases set status = 'replaced', replaced_by = @added
            where sample_id = @sampleId and case_reference = @removed;
            update sample_cases set role = 'sampled', status = 'active', selected_by = 'substitute', replaces = @removed
            where sample_id = @sampleId and case_reference = @added;
            """,
            new { sampleId, removed = substitution.RemovedCaseReference, added = substitution.AddedCaseReference },
            transaction, cancellationToken: ct));
        var id = Guid.NewGuid();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into substitutions (substitution_id, sample_id, sequence, removed_case_reference,
                                       added_case_reference, stratum, reason, substituted_by, substituted_at)
            values (@id, @sampleId, @Sequence, @RemovedCaseReference, @AddedCaseReference,
                    @Stratum, @Reason, @SubstitutedBy, @now)
            """,
            new
            {
                id, sampleId, substitution.Sequence, substitution.RemovedCaseReference,
                substitution.AddedCaseReference, substitution.Stratum, substitution.Reason, substitution.SubstitutedBy, now,
            }, transaction, cancellationToken: ct));
        return new StoredSubstitution(id, sampleId, substitution, now);
    }

    /// <summary>A substitution as recorded (they never change).</summary>
    public async Task<StoredSubstitution> GetSubstitutionAsync(Guid substitutionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SubstitutionRow>(new CommandDefinition(
            "select * from substitutions where substitution_id = @substitutionId", new { substitutionId }, cancellationToken: ct))
            ?? throw new NotFoundException("Substitution", substitutionId.ToString());
        return row.ToStored();
    }

    // ================= Reading and writing rows =================

    private static async IAsyncEnumerable<CaseRecord> ReadPopulationAsync(NpgsqlConnection connection, Guid snapshotId,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // One row at a time off the wire (binary results, sequential access): a million cases load in about a second.
        await using var command = new NpgsqlCommand(
            $"select {CaseColumns} from population_cases where snapshot_id = @snapshotId order by case_reference", connection);
        command.Parameters.AddWithValue("snapshotId", snapshotId);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            yield return ReadCase(reader, shared);
        }
    }

    /// <summary>The case on the reader's current row (the columns of <see cref="CaseColumns"/>, in order).</summary>
    private static CaseRecord ReadCase(NpgsqlDataReader reader, Dictionary<string, string>? shared)
        => new(
            CaseReference: reader.GetString(0),
            SentenceType: Word(CaseVocabulary.SentenceTypes, reader.GetString(1)),
            StartDate: reader.GetFieldValue<DateOnly>(2),
            Gender: Word(CaseVocabulary.Genders, reader.GetString(3)),
            EthnicGroup: Word(CaseVocabulary.EthnicGroups, reader.GetString(4)),
            Disability: reader.GetBoolean(5),
            RoshLevel: Word(CaseVocabulary.RoshLevels, reader.GetString(6)),
            MappaLevel: reader.GetInt16(7),
            ProlificPriorityOffender: reader.GetBoolean(8),
            ApprovedPremisesResident: reader.GetBoolean(9),
            StatutoryVictimContact: reader.GetBoolean(10),
            UnpaidWorkRequirement: reader.GetBoolean(11),
            UnpaidWorkOnly: reader.GetBoolean(12),
            CourtReportType: Word(CaseVocabulary.CourtReportTypes, reader.GetString(13)),
            AllocatedOffice: shared is null ? reader.GetString(14) : Shared(shared, reader.GetString(14)),
            AllocatedTeam: shared is null ? reader.GetString(15) : Shared(shared, reader.GetString(15)));

    /// <summary>A snapshot's rows in canonical order by binary COPY, straight into columns.</summary>
    private static async Task<PopulationColumns> ReadColumnsAsync(NpgsqlConnection connection, Guid snapshotId, int expected, CancellationToken ct)
    {
        // COPY takes no parameters; the id is a Guid we format ourselves.
        var sql = $"copy (select {CaseColumns} from population_cases where snapshot_id = '{snapshotId:D}' order by case_reference) to stdout (format binary)";
        await using var export = await connection.BeginBinaryExportAsync(sql, ct);
        var builder = new PopulationColumns.Builder(expected);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await export.StartRowAsync(ct) != -1)
        {
            builder.Add(
                caseReference: await export.ReadAsync<string>(ct),
                sentenceType: Word(CaseVocabulary.SentenceTypes, await export.ReadAsync<string>(ct)),
                startDate: await export.ReadAsync<DateOnly>(ct),
                gender: Word(CaseVocabulary.Genders, await export.ReadAsync<string>(ct)),
                ethnicGroup: Word(CaseVocabulary.EthnicGroups, await export.ReadAsync<string>(ct)),
                disability: await export.ReadAsync<bool>(ct),
                roshLevel: Word(CaseVocabulary.RoshLevels, await export.ReadAsync<string>(ct)),
                mappaLevel: await export.ReadAsync<short>(ct),
                prolificPriorityOffender: await export.ReadAsync<bool>(ct),
                approvedPremisesResident: await export.ReadAsync<bool>(ct),
                statutoryVictimContact: await export.ReadAsync<bool>(ct),
                unpaidWorkRequirement: await export.ReadAsync<bool>(ct),
                unpaidWorkOnly: await export.ReadAsync<bool>(ct),
                courtReportType: Word(CaseVocabulary.CourtReportTypes, await export.ReadAsync<string>(ct)),
                allocatedOffice: Shared(pool, await export.ReadAsync<string>(ct)),
                allocatedTeam: Shared(pool, await export.ReadAsync<string>(ct)));
        }
        return builder.Build();
    }

    private static void WriteCase(NpgsqlBinaryImporter writer, CaseRecord c)
    {
        writer.Write(c.CaseReference, NpgsqlDbType.Text);
        writer.Write(c.SentenceType, NpgsqlDbType.Text);
        writer.Write(c.StartDate, NpgsqlDbType.Date);
        writer.Write(c.Gender, NpgsqlDbType.Text);
        writer.Write(c.EthnicGroup, NpgsqlDbType.Text);
        writer.Write(c.Disability, NpgsqlDbType.Boolean);
        writer.Write(c.RoshLevel, NpgsqlDbType.Text);
        writer.Write((short)c.MappaLevel, NpgsqlDbType.Smallint);
        writer.Write(c.ProlificPriorityOffender, NpgsqlDbType.Boolean);
        writer.Write(c.ApprovedPremisesResident, NpgsqlDbType.Boolean);
        writer.Write(c.StatutoryVictimContact, NpgsqlDbType.Boolean);
        writer.Write(c.UnpaidWorkRequirement, NpgsqlDbType.Boolean);
        writer.Write(c.UnpaidWorkOnly, NpgsqlDbType.Boolean);
        writer.Write(c.CourtReportType, NpgsqlDbType.Text);
        writer.Write(c.AllocatedOffice, NpgsqlDbType.Text);
        writer.Write(c.AllocatedTeam, NpgsqlDbType.Text);
    }

    private static async Task WriteMemberAsync(NpgsqlBinaryImporter writer, Guid sampleId, DrawnCase c, string role, string status,
        string selectedBy, int rank, CancellationToken ct)
    {
        await writer.StartRowAsync(ct);
        await writer.WriteAsync(sampleId, NpgsqlDbType.Uuid, ct);
        await writer.WriteAsync(c.Case.CaseReference, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(c.Stratum, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(role, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(status, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(selectedBy, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(c.Position, NpgsqlDbType.Bigint, ct);
        await writer.WriteAsync(rank, NpgsqlDbType.Integer, ct);
    }

    /// <summary>The vocabulary's own string (a million cases share a handful of words); unknown words kept as stored.</summary>
    private static string Word(IReadOnlyList<string> vocabulary, string stored)
    {
        foreach (var word in vocabulary)
        {
            if (word == stored) return word;
        }
        return stored;
    }

    private static string Shared(Dictionary<string, string> pool, string value)
    {
        if (pool.TryGetValue(value, out var shared)) return shared;
        pool.Add(value, value);
        return value;
    }

    private static async Task<long> CaseCountAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid snapshotId, CancellationToken ct)
        => await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select case_count from snapshots where snapshot_id = @snapshotId", new { snapshotId }, transaction, cancellationToken: ct));

    private static async Task<StoredSnapshot> GetSnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid snapshotId, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SnapshotRow>(new CommandDefinition(
            "select * from snapshots where snapshot_id = @snapshotId", new { snapshotId }, transaction, cancellationToken: ct))
            ?? throw new NotFoundException("Snapshot", snapshotId.ToString());
        return row.ToSnapshot();
    }

    // Row shapes Dapper fills (snake_case columns to these properties).

    private sealed class SnapshotRow
    {
        public Guid SnapshotId { get; set; }
        public string ProviderId { get; set; } = "";
        public int Version { get; set; }
        public DateTime TakenOn { get; set; }
        public string Description { get; set; } = "";
        public string Status { get; set; } = "";
        public long CaseCount { get; set; }
        public string Digest { get; set; } = "";
        public DateTime CreatedAt { get; set; }
        public DateTime? CompletedAt { get; set; }

        public StoredSnapshot ToSnapshot() => new(SnapshotId, ProviderId, Version, DateOnly.FromDateTime(TakenOn), Description, Status,
            CaseCount, Digest, Utc(CreatedAt), CompletedAt is { } at ? Utc(at) : null);
    }

    private sealed class SampleRow
    {
        public Guid SampleId { get; set; }
        public string InspectionId { get; set; } = "";
        public Guid SnapshotId { get; set; }
        public int SnapshotVersion { get; set; }
        public string SnapshotDigest { get; set; } = "";
        public string AlgorithmVersion { get; set; } = "";
        public string Parameters { get; set; } = "";
        public string Size { get; set; } = "";
        public string Exclusions { get; set; } = "";
        public string Strata { get; set; } = "";
        public string Quotas { get; set; } = "";
        public long PopulationSize { get; set; }
        public long EligibleSize { get; set; }
        public DateTime DrawnAt { get; set; }
        public bool Current { get; set; }
    }

    private sealed class SampleSummaryRow
    {
        public Guid SampleId { get; set; }
        public string InspectionId { get; set; } = "";
        public Guid SnapshotId { get; set; }
        public decimal Seed { get; set; }
        public string AlgorithmVersion { get; set; } = "";
        public string DrawnBy { get; set; } = "";
        public DateTime DrawnAt { get; set; }
        public int Size { get; set; }
        public bool Current { get; set; }
        public int Substitutions { get; set; }
    }

    private sealed class SampleCaseRow
    {
        public string Stratum { get; set; } = "";
        public string Role { get; set; } = "";
        public string Status { get; set; } = "";
        public string SelectedBy { get; set; } = "";
        public long DrawPosition { get; set; }
        public int ReserveRank { get; set; }
        public string Replaces { get; set; } = "";
        public string ReplacedBy { get; set; } = "";
        public string CaseReference { get; set; } = "";
        public string SentenceType { get; set; } = "";
        public DateTime StartDate { get; set; }
        public string Gender { get; set; } = "";
        public string EthnicGroup { get; set; } = "";
        public bool Disability { get; set; }
        public string RoshLevel { get; set; } = "";
        public short MappaLevel { get; set; }
        public bool ProlificPriorityOffender { get; set; }
        public bool ApprovedPremisesResident { get; set; }
        public bool StatutoryVictimContact { get; set; }
        public bool UnpaidWorkRequirement { get; set; }
        public bool UnpaidWorkOnly { get; set; }
        public string CourtReportType { get; set; } = "";
        public string AllocatedOffice { get; set; } = "";
        public string AllocatedTeam { get; set; } = "";

        public StoredSampleCase ToStored() => new(
            new CaseRecord(CaseReference, SentenceType, DateOnly.FromDateTime(StartDate), Gender, EthnicGroup, Disability, RoshLevel,
                MappaLevel, ProlificPriorityOffender, ApprovedPremisesResident, StatutoryVictimContact, UnpaidWorkRequirement,
                UnpaidWorkOnly, CourtReportType, AllocatedOffice, AllocatedTeam),
            Stratum, Role, Status, SelectedBy, DrawPosition, ReserveRank, Replaces, ReplacedBy);
    }

    private sealed class MemberRow
    {
        public string CaseReference { get; set; } = "";
        public string Stratum { get; set; } = "";
        public string Role { get; set; } = "";
        public string Status { get; set; } = "";
        public int ReserveRank { get; set; }
        public string ReplacedBy { get; set; } = "";
    }

    private sealed class SubstitutionRow
    {
        public Guid SubstitutionId { get; set; }
        public Guid SampleId { get; set; }
        public int Sequence { get; set; }
        public string RemovedCaseReference { get; set; } = "";
        public string AddedCaseReference { get; set; } = "";
        public string Stratum { get; set; } = "";
        public string Reason { get; set; } = "";
        public string SubstitutedBy { get; set; } = "";
        public DateTime SubstitutedAt { get; set; }

        public StoredSubstitution ToStored() => new(SubstitutionId, SampleId,
            new CaseSubstitution(Sequence, RemovedCaseReference, AddedCaseReference, Stratum, Reason, SubstitutedBy), Utc(SubstitutedAt));
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
