using System.Runtime.CompilerServices;
using Dapper;
using Inspection.Contracts.Vocabularies;
using Npgsql;
using NpgsqlTypes;

namespace Inspection.Sampling.Data;

/// <summary>
/// The SQL of case samples: a draw stored with its cases and reserves (binary COPY), substitutions under a row lock on
/// their sample, and the reads. Writes run in the caller's transaction (the one the request ledger claimed); reads open
/// their own connection.
/// </summary>
public sealed class SampleStore(Database database)
{
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
            await WriteMemberAsync(writer, sampleId, c, SampleMember.Sampled, SampleMember.Active, c.SelectedBy?.Word() ?? "", 0, ct);
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
            select s.sample_id, s.inspection_id, s.snapshot_id, n.version as snapshot_version, n.digest as snapshot_digest,
                   s.algorithm_version, s.parameters, s.size, s.exclusions, s.strata, s.quotas, s.population_size, s.eligible_size, s.drawn_at,
                   s.draw_sequence = (select max(o.draw_sequence) from samples o where o.inspection_id = s.inspection_id) as current
            from samples s join snapshots n on n.snapshot_id = s.snapshot_id
            where s.sample_id = @sampleId
            """, new { sampleId }, cancellationToken: ct))
            ?? throw new NotFoundException("Sample", sampleId.ToString());
        var cases = await ReadCasesAsync(connection, sampleId, ct);
        var substitutions = await connection.QueryAsync<SubstitutionRow>(new CommandDefinition(
            $"select {SubstitutionRow.Columns} from substitutions where sample_id = @sampleId order by sequence", new { sampleId }, cancellationToken: ct));
        return new StoredSample(
            row.SampleId, row.InspectionId, row.SnapshotId, row.SnapshotVersion, row.SnapshotDigest,
            SamplingJson.Read<DrawRequest>(row.Parameters), row.AlgorithmVersion, row.DrawnAt, row.Current,
            row.PopulationSize, row.EligibleSize,
            SamplingJson.Read<List<ExclusionCount>>(row.Exclusions), SamplingJson.Read<SampleSize>(row.Size),
            SamplingJson.Read<List<StratumSummary>>(row.Strata), SamplingJson.Read<List<QuotaOutcome>>(row.Quotas),
            cases, substitutions.Select(s => s.ToStored()).ToList());
    }

    /// <summary>The inspection's current sample: its newest draw.</summary>
    public async Task<Guid?> CurrentSampleIdAsync(string inspectionId, CancellationToken ct)
    {
        return await database.QuerySingleOrDefaultAsync<Guid?>(
            "select sample_id from samples where inspection_id = @inspectionId order by draw_sequence desc limit 1",
            new { inspectionId }, ct);
    }

    public async Task<IReadOnlyList<StoredSampleSummary>> ListSamplesAsync(string? inspectionId, Guid? snapshotId, CancellationToken ct)
    {
        var rows = await database.QueryAsync<SampleSummaryRow>(
            """
            select s.sample_id, s.inspection_id, s.snapshot_id, s.seed, s.algorithm_version, s.drawn_by, s.drawn_at,
                   (s.size ->> 'n')::int as size,
                   s.draw_sequence = (select max(o.draw_sequence) from samples o where o.inspection_id = s.inspection_id) as current,
                   (select count(*) from substitutions u where u.sample_id = s.sample_id)::int as substitutions
            from samples s
            where (@inspectionId::text is null or s.inspection_id = @inspectionId)
              and (@snapshotId::uuid is null or s.snapshot_id = @snapshotId)
            order by s.draw_sequence
            """, new { inspectionId, snapshotId }, ct);
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
        var row = await database.QuerySingleOrDefaultAsync<SubstitutionRow>(
            $"select {SubstitutionRow.Columns} from substitutions where substitution_id = @substitutionId", new { substitutionId }, ct)
            ?? throw new NotFoundException("Substitution", substitutionId.ToString());
        return row.ToStored();
    }

    /// <summary>The sample's cases in draw order: each one as population_cases holds it (<see cref="CaseRows"/>), then its membership.</summary>
    private static async Task<List<StoredSampleCase>> ReadCasesAsync(NpgsqlConnection connection, Guid sampleId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select {CaseRows.Qualified("p", CaseRows.Columns.Split(", "))},
                   m.stratum, m.role, m.status, m.selected_by, m.draw_position, m.reserve_rank, m.replaces, m.replaced_by
            from sample_cases m
            join samples s on s.sample_id = m.sample_id
            join population_cases p on p.snapshot_id = s.snapshot_id and p.case_reference = m.case_reference
            where m.sample_id = @sampleId
            order by m.draw_position
            """, connection);
        command.Parameters.AddWithValue("sampleId", sampleId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var cases = new List<StoredSampleCase>();
        var member = CaseRows.ColumnCount;
        while (await reader.ReadAsync(ct))
        {
            cases.Add(new StoredSampleCase(CaseRows.Read(reader, null),
                Stratum: reader.GetString(member), Role: reader.GetString(member + 1), Status: reader.GetString(member + 2),
                SelectedBy: reader.GetString(member + 3), DrawPosition: reader.GetInt64(member + 4), ReserveRank: reader.GetInt32(member + 5),
                Replaces: reader.GetString(member + 6), ReplacedBy: reader.GetString(member + 7)));
        }
        return cases;
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

    // Row shapes Dapper fills through their constructors: each query selects exactly these columns, in this order.

    private sealed record SampleRow(
        Guid SampleId, string InspectionId, Guid SnapshotId, int SnapshotVersion, string SnapshotDigest, string AlgorithmVersion,
        string Parameters, string Size, string Exclusions, string Strata, string Quotas,
        long PopulationSize, long EligibleSize, DateTime DrawnAt, bool Current);

    private sealed record SampleSummaryRow(
        Guid SampleId, string InspectionId, Guid SnapshotId, decimal Seed, string AlgorithmVersion, string DrawnBy, DateTime DrawnAt,
        int Size, bool Current, int Substitutions);

    private sealed record MemberRow(string CaseReference, string Stratum, string Role, string Status, int ReserveRank, string ReplacedBy);

    private sealed record SubstitutionRow(
        Guid SubstitutionId, Guid SampleId, int Sequence, string RemovedCaseReference, string AddedCaseReference,
        string Stratum, string Reason, string SubstitutedBy, DateTime SubstitutedAt)
    {
        public const string Columns =
            "substitution_id, sample_id, sequence, removed_case_reference, added_case_reference, stratum, reason, substituted_by, substituted_at";

        public StoredSubstitution ToStored() => new(SubstitutionId, SampleId,
            new CaseSubstitution(Sequence, RemovedCaseReference, AddedCaseReference, Stratum, Reason, SubstitutedBy), StoredValues.Instant(SubstitutedAt));
    }
}
