using System.Runtime.CompilerServices;
using Inspection.Domain;
using Inspection.Sampling.Domain;

namespace Inspection.Sampling;

/// <summary>
/// The steps of case sampling in the order they happen: validate with the domain core, check with other
/// services, load, decide, store. The gRPC service and the benchmark both go through here.
/// </summary>
public sealed class SamplingWorkflow(SamplingStore store, IInspectionRegister inspections, TimeProvider clock, PopulationCache population)
{
    public const int MaxDescriptionLength = 500;

    public async Task<StoredSnapshot> StartImportAsync(string requestId, string fingerprint, string providerId, string takenOn,
        string description, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(requestId)) violations.Add(new("request_id", "a request id is required (a retry with the same id returns the first snapshot)"));
        if (string.IsNullOrWhiteSpace(providerId)) violations.Add(new("provider_id", "the provider whose caseload this is is required"));
        if (!IsoDate.TryParse(takenOn, out var date)) violations.Add(new("taken_on", $"'{takenOn}' is not a date in the form yyyy-MM-dd"));
        if (description.Length > MaxDescriptionLength) violations.Add(new("description", $"at most {MaxDescriptionLength} characters"));
        ValidationException.ThrowIfAny(violations);
        return await store.StartSnapshotAsync(requestId.Trim(), fingerprint, providerId.Trim(), date, description.Trim(), clock.GetUtcNow(), ct);
    }

    public async Task<ImportResult> ImportAsync(string snapshotId, IReadOnlyList<CaseRow> rows, long firstRowNumber, CancellationToken ct)
    {
        var id = SamplingMessages.Id(snapshotId, "snapshot_id");
        if (rows.Count > SamplingMessages.MaxBatchSize)
            throw new ValidationException("cases", $"at most {SamplingMessages.MaxBatchSize} cases per batch; send the rest in further batches");
        var cases = PopulationBatch.Validate(rows, firstRowNumber);
        return await store.ImportBatchAsync(id, cases, ct);
    }

    public async Task<StoredSnapshot> CompleteImportAsync(string snapshotId, long expectedCaseCount, CancellationToken ct)
    {
        var id = SamplingMessages.Id(snapshotId, "snapshot_id");
        if (expectedCaseCount < 0) throw new ValidationException("expected_case_count", "cannot be negative");
        // The cases read for the digest are the snapshot as it will be forever: keep them for the draws to come.
        PopulationColumns? read = null;
        var completed = await store.CompleteSnapshotAsync(id, expectedCaseCount, clock.GetUtcNow(), ct, cases => read = cases);
        if (read is not null && read.Count <= population.Capacity) population.Put(id, read);
        return completed;
    }

    /// <summary>
    /// Draws (or, for a retried request, returns the first draw): validates, checks the inspection with
    /// recommendation tracking, loads the complete snapshot, draws and stores.
    /// </summary>
    public async Task<StoredSample> DrawAsync(DrawRequest request, string fingerprint, CancellationToken ct)
    {
        var plan = DrawPlan.From(request);
        var snapshotId = SamplingMessages.Id(request.SnapshotId, "snapshot_id");
        if (await store.SampleByRequestAsync(request.RequestId, fingerprint, ct) is { } earlier)
            return await store.GetSampleAsync(earlier, ct);
        await inspections.EnsureExistsAsync(request.InspectionId, ct);
        var snapshot = await store.GetSnapshotAsync(snapshotId, ct);
        if (snapshot.Status != StoredSnapshot.Complete)
            throw new PreconditionFailedException($"Snapshot {snapshotId} is still importing: complete it before drawing from it.");
        var cases = await CompleteCasesAsync(snapshotId, ct);
        var outcome = CaseSampler.Draw(cases, plan);
        var sampleId = await store.SaveSampleAsync(fingerprint, request, snapshotId, outcome, clock.GetUtcNow(), ct);
        return await store.GetSampleAsync(sampleId, ct);
    }

    /// <summary>A complete snapshot's cases, from memory when they are there (complete snapshots never change).</summary>
    private Task<PopulationColumns> CompleteCasesAsync(Guid snapshotId, CancellationToken ct)
        => population.GetAsync(snapshotId, () => store.LoadCaseloadAsync(snapshotId, ct));

    public Task<StoredSample> GetSampleAsync(string sampleId, CancellationToken ct)
        => store.GetSampleAsync(SamplingMessages.Id(sampleId, "sample_id"), ct);

    /// <summary>The sample named, or else the inspection's current sample.</summary>
    public async Task<StoredSample> SampleOfAsync(string inspectionId, string sampleId, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(sampleId)) return await GetSampleAsync(sampleId, ct);
        if (string.IsNullOrWhiteSpace(inspectionId)) throw new ValidationException("inspection_id", "an inspection id (or a sample id) is required");
        var current = await store.CurrentSampleIdAsync(inspectionId.Trim(), ct)
            ?? throw new NotFoundException("Sample for inspection", inspectionId);
        return await store.GetSampleAsync(current, ct);
    }

    public Task<StoredSubstitution> SubstituteAsync(string requestId, string fingerprint, string sampleId, string caseReference,
        string reason, string substitutedBy, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(requestId))
            throw new ValidationException("request_id", "a request id is required (a retry with the same id returns the first substitution)");
        var id = SamplingMessages.Id(sampleId, "sample_id");
        return store.SubstituteAsync(id, requestId.Trim(), fingerprint, sample => sample.Substitute(caseReference, reason, substitutedBy),
            clock.GetUtcNow(), ct);
    }

    /// <summary>The composition check: the sample's active cases against the eligible population it was drawn from.</summary>
    public async Task<(StoredSample Sample, CompositionReport Report)> CompositionAsync(string sampleId, IReadOnlyList<string> attributes, CancellationToken ct)
    {
        var sample = await GetSampleAsync(sampleId, ct);
        var plan = DrawPlan.From(sample.Request);
        var chosen = attributes.Count > 0
            ? attributes
            : CaseAttribute.DefaultComposition.Concat(plan.StratifyBy.Select(a => a.Name)).Distinct().ToList();
        var cases = await CompleteCasesAsync(sample.SnapshotId, ct);
        var eligible = CaseSampler.Eligible(cases, plan.Eligibility, out _).Select(cases.Record).ToList();
        var report = CompositionCheck.Compare(eligible, sample.ActiveCases.Select(c => c.Case).ToList(), chosen);
        return (sample, report);
    }

    /// <summary>
    /// A snapshot's cases in canonical order; with a sample, each with its eligibility for that sample (the
    /// reason re-derived from the stored parameters, exactly as the draw derived it) and its role in it.
    /// </summary>
    public async IAsyncEnumerable<(CaseRecord Case, Exclusion? Exclusion, string Role)> PopulationAsync(string snapshotId, string sampleId,
        bool eligibleOnly, [EnumeratorCancellation] CancellationToken ct)
    {
        var id = SamplingMessages.Id(snapshotId, "snapshot_id");
        await store.GetSnapshotAsync(id, ct);
        StoredSample? sample = null;
        if (!string.IsNullOrWhiteSpace(sampleId))
        {
            sample = await GetSampleAsync(sampleId, ct);
            if (sample.SnapshotId != id)
                throw new ValidationException("sample_id", $"sample {sample.SampleId} was drawn from snapshot {sample.SnapshotId}, not {id}");
        }
        else if (eligibleOnly) throw new ValidationException("eligible_only", "eligibility is per sample: give a sample_id");

        var plan = sample is null ? null : DrawPlan.From(sample.Request);
        var roles = sample?.Cases.ToDictionary(c => c.Case.CaseReference, c => c.Role, StringComparer.Ordinal) ?? [];
        await foreach (var c in store.StreamPopulationAsync(id, ct))
        {
            var exclusion = plan?.Eligibility.Exclude(c);
            if (eligibleOnly && exclusion is not null) continue;
            yield return (c, exclusion, roles.GetValueOrDefault(c.CaseReference, ""));
        }
    }
}
