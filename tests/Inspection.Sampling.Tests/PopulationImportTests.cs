using Dapper;
using Inspection.Domain;
using Inspection.Sampling.Data;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Population;

namespace Inspection.Sampling.Tests;

public sealed class PopulationImportTests(SamplingDatabase db) : IClassFixture<SamplingDatabase>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_snapshot_imports_in_batches_and_resending_a_batch_is_harmless()
    {
        var imports = db.Snapshots();
        var cases = GeneratedCaseload.Create(2_500, seed: 11);
        var snapshot = await imports.StartImportAsync("start-resend", "fp", Snapshots.Provider("pdu-resend"), "2022-05-01", "May extract", None);
        Assert.Equal(StoredSnapshot.Importing, snapshot.Status);

        var first = await imports.ImportAsync(null, "", snapshot.SnapshotId.ToString(), cases.Take(1_500).Select(Snapshots.ToRow).ToList(), 2, None);
        var resent = await imports.ImportAsync(null, "", snapshot.SnapshotId.ToString(), cases.Take(1_500).Select(Snapshots.ToRow).ToList(), 2, None);
        var rest = await imports.ImportAsync(null, "", snapshot.SnapshotId.ToString(), cases.Skip(1_000).Select(Snapshots.ToRow).ToList(), 1_002, None);

        Assert.Equal(new ImportResult(1_500, 1_500, 0, 1_500), first);
        Assert.Equal(new ImportResult(1_500, 0, 1_500, 1_500), resent);
        Assert.Equal(new ImportResult(1_500, 1_000, 500, 2_500), rest);

        var complete = await imports.CompleteImportAsync(null, "", snapshot.SnapshotId.ToString(), 2_500, None);
        Assert.Equal(StoredSnapshot.Complete, complete.Status);
        Assert.Equal(SnapshotDigest.Of(cases.OrderBy(c => c.CaseReference, StringComparer.Ordinal)), complete.Digest);
        Assert.Equal(cases.OrderBy(c => c.CaseReference, StringComparer.Ordinal), await db.SnapshotStore.LoadPopulationAsync(snapshot.SnapshotId, None));
    }

    [Fact]
    public async Task A_batch_with_bad_rows_is_refused_whole_naming_each_row()
    {
        var imports = db.Snapshots();
        var snapshot = await imports.StartImportAsync("start-bad", "fp", Snapshots.Provider("pdu-bad"), "2022-05-01", "", None);
        var rows = GeneratedCaseload.Create(10, seed: 3, prefix: "BAD").Select(Snapshots.ToRow).ToList();
        rows[4] = rows[4] with { RoshLevel = "extreme" };
        rows[7] = rows[7] with { StartDate = "2021-02-30" };

        var error = await Assert.ThrowsAsync<ValidationException>(() => imports.ImportAsync(null, "", snapshot.SnapshotId.ToString(), rows, 2, None));
        Assert.Equal(["cases[4].rosh_level", "cases[7].start_date"], error.Violations.Select(v => v.Field));
        Assert.StartsWith("row 6: ", error.Violations[0].Description);
        Assert.Equal(0, await CountAsync(snapshot.SnapshotId));

        // A case already imported cannot come back with other attributes; the whole batch is refused.
        var good = GeneratedCaseload.Create(5, seed: 4, prefix: "OK").Select(Snapshots.ToRow).ToList();
        await imports.ImportAsync(null, "", snapshot.SnapshotId.ToString(), good, 2, None);
        var changed = GeneratedCaseload.Create(8, seed: 4, prefix: "OK").Select(Snapshots.ToRow).ToList();
        changed[2] = changed[2] with { Gender = changed[2].Gender == "male" ? "female" : "male" };
        var conflict = await Assert.ThrowsAsync<ValidationException>(() => imports.ImportAsync(null, "", snapshot.SnapshotId.ToString(), changed, 2, None));
        Assert.Equal("cases[2].case_reference", Assert.Single(conflict.Violations).Field);
        Assert.StartsWith("row 4: case '", conflict.Violations[0].Description);
        Assert.Equal(5, await CountAsync(snapshot.SnapshotId));

        // A conflicting row and bad rows in one batch: one refusal lists them all, in row order, with their file rows.
        changed[6] = changed[6] with { StartDate = "2021-13-01" };
        changed[0] = changed[0] with { Gender = "nobody" };
        var both = await Assert.ThrowsAsync<ValidationException>(() => imports.ImportAsync(null, "", snapshot.SnapshotId.ToString(), changed, 10, None));
        Assert.Equal(["cases[0].gender", "cases[2].case_reference", "cases[6].start_date"], both.Violations.Select(v => v.Field));
        Assert.Equal(["row 10: ", "row 12: ", "row 16: "], both.Violations.Select(v => v.Description[..(v.Description.IndexOf(':') + 2)]));
        Assert.Contains("already in the snapshot with different attributes", both.Violations[1].Description);
        Assert.Equal(5, await CountAsync(snapshot.SnapshotId));
    }

    [Fact]
    public async Task A_complete_snapshot_is_immutable_and_the_next_one_is_a_new_version()
    {
        var imports = db.Snapshots();
        var cases = GeneratedCaseload.Create(50, seed: 5);
        var first = await Snapshots.ImportAsync(imports, "pdu-versions", cases);
        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            imports.ImportAsync(null, "", first.SnapshotId.ToString(), GeneratedCaseload.Create(1, prefix: "LATE").Select(Snapshots.ToRow).ToList(), 0, None));
        Assert.Contains("complete", error.Message);

        var second = await Snapshots.ImportAsync(imports, "pdu-versions", cases);
        Assert.Equal([1, 2], new[] { first.Version, second.Version });
        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(2, (await db.SnapshotStore.ListSnapshotsAsync(Snapshots.Provider("pdu-versions"), includeWithdrawn: false, None)).Count);
    }

    [Fact]
    public async Task Starting_again_with_the_same_request_returns_the_same_snapshot()
    {
        var imports = db.Snapshots();
        var once = await imports.StartImportAsync("start-twice", "fp-1", Snapshots.Provider("pdu-twice"), "2022-05-01", "", None);
        var twice = await imports.StartImportAsync("start-twice", "fp-1", Snapshots.Provider("pdu-twice"), "2022-05-01", "", None);
        Assert.Equal(once.SnapshotId, twice.SnapshotId);
        await Assert.ThrowsAsync<AlreadyExistsException>(() => imports.StartImportAsync("start-twice", "fp-2", Snapshots.Provider("pdu-other"), "2022-05-01", "", None));

        var missing = await Assert.ThrowsAsync<PreconditionFailedException>(() => imports.CompleteImportAsync(null, "", once.SnapshotId.ToString(), 10, None));
        Assert.Contains("holds 0 cases, not the 10 expected", missing.Message);
        var bad = await Assert.ThrowsAsync<ValidationException>(() => imports.StartImportAsync("", "fp", "", "May", "", None));
        Assert.Equal(["request_id", "provider_id", "taken_on"], bad.Violations.Select(v => v.Field));
    }

    private async Task<long> CountAsync(Guid snapshotId)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from population_cases where snapshot_id = @snapshotId", new { snapshotId });
    }
}
