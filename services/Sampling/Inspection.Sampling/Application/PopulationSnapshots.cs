using Inspection.Domain.Dates;
using Inspection.ServiceDefaults;

namespace Inspection.Sampling.Application;

/// <summary>
/// A provider's caseload snapshots: StartPopulationImport, ImportPopulation, CompletePopulationImport, UploadCaseload (a
/// whole file, the three in one transaction), WithdrawSnapshot and the reads.
/// Each write runs once per request id in the transaction the ledger claims. Starting keeps the snapshot's id (a retry
/// gets the snapshot as it is now, as it always did); a batch keeps its answer itself (the snapshot's count moves on);
/// completing keeps the id of a snapshot that never changes again. The provider is checked with its owner
/// (recommendation tracking) before a snapshot is opened for it, unless the request was carried out already.
/// </summary>
public sealed class PopulationSnapshots(SnapshotStore store, RequestLedger ledger, TimeProvider clock, PopulationCache population, IProviderRegister providers,
    ProductMetrics? metrics = null)
{
    public const int MaxDescriptionLength = 500;

    // About 2 MB of messages: well inside the 4 MB a gRPC message may carry.
    public const int MaxBatchSize = 20_000;

    /// <summary>The first answer of a start or a completion, as the ledger keeps it: {"snapshot_id"}.</summary>
    internal sealed record SnapshotReference(Guid SnapshotId);

    private LedgerAnswer<StoredSnapshot, SnapshotReference> Snapshot => new(
        snapshot => new SnapshotReference(snapshot.SnapshotId), (kept, ct) => store.GetSnapshotAsync(kept.SnapshotId, ct));

    public async Task<StoredSnapshot> StartImportAsync(string? requestId, string fingerprint, string providerId, string takenOn,
        string description, CancellationToken ct)
    {
        var date = CheckOpening(requestId, providerId, takenOn, description, "");
        var key = RequestIds.Required(requestId, "StartPopulationImportRequest", fingerprint);
        await ledger.CheckUnlessRecordedAsync(key, check => providers.EnsureExistsAsync(providerId.Trim(), check), ct);
        return await ledger.OnceAsync(key, Snapshot,
            (connection, transaction) => store.StartSnapshotAsync(connection, transaction, providerId.Trim(), date, description.Trim(),
                clock.GetUtcNow(), ct), ct);
    }

    /// <summary>
    /// A whole caseload file: read and checked row by row; with any row error nothing is written (the request id is
    /// not even claimed, so the corrected file may be sent under it); otherwise started, imported in batches and
    /// completed in the one transaction the ledger claims, so the snapshot is there whole or not at all.
    /// </summary>
    public async Task<CaseloadOutcome> UploadAsync(CaseloadFile file, CancellationToken ct)
    {
        var date = CheckOpening(file.RequestId, file.ProviderId, file.TakenOn, file.Description, "header.",
            file.Bytes.Length == 0 ? new FieldViolation("data", "the file is empty: send its bytes after the header") : null);
        var key = RequestIds.Required(file.RequestId, "UploadCaseload", file.Fingerprint);
        await ledger.CheckUnlessRecordedAsync(key, check => providers.EnsureExistsAsync(file.ProviderId.Trim(), check), ct);
        var read = CaseloadCsv.Read(new StreamReader(new MemoryStream(file.Bytes, writable: false), detectEncodingFromByteOrderMarks: true));
        if (read.Errors.Count > 0) return new CaseloadOutcome(null, read.Errors);
        var cases = PopulationBatch.Validate(read.Rows);

        var timer = ProductMetrics.Start();
        PopulationColumns? completed = null;
        var snapshot = await ledger.OnceAsync(key, Snapshot,
            async (connection, transaction) =>
            {
                var now = clock.GetUtcNow();
                var opened = await store.StartSnapshotAsync(connection, transaction, file.ProviderId.Trim(), date, file.Description.Trim(), now, ct);
                foreach (var batch in cases.Chunk(MaxBatchSize))
                    await store.ImportBatchAsync(connection, transaction, opened.SnapshotId, BatchCheck.Valid(batch), ct);
                return await store.CompleteSnapshotAsync(connection, transaction, opened.SnapshotId, cases.Count, now,
                    columns => completed = columns, ct);
            }, ct);
        if (completed is not null)
        {
            metrics?.CaseloadImported(cases.Count, timer.Elapsed);
            if (completed.Count <= population.Capacity) population.Put(snapshot.SnapshotId, completed);
        }
        return new CaseloadOutcome(snapshot, []);
    }

    /// <summary>
    /// What opening a snapshot needs, checked; fields named under <paramref name="prefix"/>. A caseload cannot have been
    /// taken after today in England.
    /// </summary>
    private DateOnly CheckOpening(string? requestId, string providerId, string takenOn, string description, string prefix, FieldViolation? alsoWrong = null)
    {
        var violations = new List<FieldViolation>();
        if (alsoWrong is not null) violations.Add(alsoWrong);
        if (string.IsNullOrWhiteSpace(requestId)) violations.Add(new(prefix + "request_id", "a request id is required (a retry with the same id returns the first snapshot)"));
        if (string.IsNullOrWhiteSpace(providerId)) violations.Add(new(prefix + "provider_id", "the provider whose caseload this is is required"));
        else if (!Guid.TryParse(providerId.Trim(), out _))
            violations.Add(new(prefix + "provider_id", $"'{providerId}' is not a provider id (a UUID from recommendation tracking's register)"));
        if (!CalendarDate.TryParse(takenOn, out var date)) violations.Add(new(prefix + "taken_on", CalendarDate.Refusal(takenOn)));
        else NotInTheFuture.Check(violations, prefix + "taken_on", "The date the caseload was taken", date, EnglandCalendar.Today(clock));
        if (description.Length > MaxDescriptionLength) violations.Add(new(prefix + "description", $"at most {MaxDescriptionLength} characters"));
        ValidationException.ThrowIfAny(violations);
        return date;
    }

    /// <summary>One batch, all or nothing. Without a request id it is carried out as asked (re-sending a batch is harmless, but its answer then counts the cases as already present).</summary>
    public Task<ImportResult> ImportAsync(string? requestId, string fingerprint, string snapshotId, IReadOnlyList<CaseRow> rows,
        long firstRowNumber, CancellationToken ct)
    {
        var id = RequestIds.Id(snapshotId, "snapshot_id");
        if (rows.Count > MaxBatchSize)
            throw new ValidationException("cases", $"at most {MaxBatchSize} cases per batch; send the rest in further batches");
        // Bad rows alone are refused at once; with good rows beside them, the store first adds the good rows that
        // conflict with stored cases, so one refusal lists every row to correct.
        var batch = PopulationBatch.Check(rows, firstRowNumber);
        if (batch.Records.Count == 0) batch.ThrowIfAny([]);
        return ledger.OnceAsync(RequestIds.Optional(requestId, "ImportPopulationRequest", fingerprint), LedgerAnswer.Itself<ImportResult>(),
            (connection, transaction) => store.ImportBatchAsync(connection, transaction, id, batch, ct), ct);
    }

    public async Task<StoredSnapshot> CompleteImportAsync(string? requestId, string fingerprint, string snapshotId, long expectedCaseCount,
        CancellationToken ct)
    {
        var id = RequestIds.Id(snapshotId, "snapshot_id");
        if (expectedCaseCount < 0) throw new ValidationException("expected_case_count", "cannot be negative");
        // The cases read for the digest are the snapshot as it will be forever: keep them for the draws to come, once
        // the transaction that sealed it has committed.
        PopulationColumns? read = null;
        var timer = ProductMetrics.Start();
        var completed = await ledger.OnceAsync(RequestIds.Optional(requestId, "CompletePopulationImportRequest", fingerprint), Snapshot,
            (connection, transaction) => store.CompleteSnapshotAsync(connection, transaction, id, expectedCaseCount, clock.GetUtcNow(),
                cases => read = cases, ct), ct);
        if (read is not null)
        {
            // A batched import is counted when it completes: its batches came as separate calls.
            metrics?.CaseloadImported(read.Count, timer.Elapsed);
            if (read.Count <= population.Capacity) population.Put(id, read);
        }
        return completed;
    }

    public Task<StoredSnapshot> GetAsync(string? snapshotId, CancellationToken ct) =>
        store.GetSnapshotAsync(RequestIds.Id(snapshotId, "snapshot_id"), ct);

    public Task<IReadOnlyList<StoredSnapshot>> ListAsync(string? providerId, bool includeWithdrawn, CancellationToken ct) =>
        store.ListSnapshotsAsync(string.IsNullOrWhiteSpace(providerId) ? null : providerId.Trim(), includeWithdrawn, ct);

    /// <summary>Withdraws a snapshot no sample uses; the ledger keeps its id (a withdrawn snapshot never changes again).</summary>
    public Task<StoredSnapshot> WithdrawAsync(string? requestId, string fingerprint, SnapshotWithdrawal withdrawal, CancellationToken ct) =>
        ledger.OnceAsync(RequestIds.Required(requestId, "WithdrawSnapshotRequest", fingerprint), Snapshot,
            (connection, transaction) => store.WithdrawAsync(connection, transaction, withdrawal, clock.GetUtcNow(), ct), ct);
}
