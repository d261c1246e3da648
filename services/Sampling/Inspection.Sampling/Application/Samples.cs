using System.Runtime.CompilerServices;
using Inspection.ServiceDefaults;
using Inspection.Sampling.Domain.Composition;

namespace Inspection.Sampling.Application;

/// <summary>
/// Case samples: DrawSample, SubstituteCase and the reads (the sample, the inspection's current one, its composition,
/// the population with each case's part in it). A draw asks recommendation tracking and draws before it writes, so a
/// retry is answered from the ledger before anyone is asked; a substitution decides under the sample's lock, in the
/// claimed transaction. The ledger keeps the sample's or the substitution's id.
/// </summary>
public sealed class Samples(SampleStore store, SnapshotStore snapshots, RequestLedger ledger, IInspectionRegister inspections, TimeProvider clock, PopulationCache population,
    ProductMetrics? metrics = null)
{
    /// <summary>The first answer of a draw, as the ledger keeps it: {"sample_id"}.</summary>
    internal sealed record SampleReference(Guid SampleId);

    /// <summary>The first answer of a substitution, as the ledger keeps it: {"substitution_id"}.</summary>
    internal sealed record SubstitutionReference(Guid SubstitutionId);

    private LedgerAnswer<Guid, SampleReference> Drawn => new(id => new SampleReference(id), (kept, _) => Task.FromResult(kept.SampleId));

    private LedgerAnswer<StoredSubstitution, SubstitutionReference> Substituted => new(
        s => new SubstitutionReference(s.SubstitutionId), (kept, ct) => store.GetSubstitutionAsync(kept.SubstitutionId, ct));

    /// <summary>
    /// Draws (or, for a retried request, returns the first draw): validates, checks the inspection with
    /// recommendation tracking, loads the complete snapshot, draws and stores.
    /// </summary>
    public async Task<StoredSample> DrawAsync(DrawRequest request, string fingerprint, CancellationToken ct)
    {
        var plan = DrawPlan.From(request);
        var snapshotId = RequestIds.Id(request.SnapshotId, "snapshot_id");
        var key = RequestIds.Required(request.RequestId, "DrawSampleRequest", fingerprint);
        // The ledger keeps the sample's id; the draw it names is what the decision made, stored by the write.
        DrawOutcome? outcome = null;
        var timer = ProductMetrics.Start();
        var sampleId = await ledger.OnceAsync(key, Drawn,
            async _ =>
            {
                await inspections.EnsureExistsAsync(request.InspectionId, ct);
                var snapshot = await snapshots.GetSnapshotAsync(snapshotId, ct);
                if (snapshot.Status != StoredSnapshot.Complete)
                    throw new PreconditionFailedException($"Snapshot {snapshotId} is still importing: complete it before drawing from it.");
                if (snapshot.Withdrawn is not null)
                    throw new PreconditionFailedException($"Snapshot {snapshotId} was withdrawn: draw from another snapshot of the provider.");
                var cases = await CompleteCasesAsync(snapshotId, ct);
                outcome = CaseSampler.Draw(cases, plan);
                return Guid.NewGuid();
            },
            async (id, connection, transaction) =>
            {
                // Withdrawn meanwhile? The shared row lock then holds a withdrawal back until the sample is stored.
                await SnapshotStore.EnsureDrawableAsync(connection, transaction, snapshotId, ct);
                await store.InsertSampleAsync(connection, transaction, id, request, snapshotId, outcome!, clock.GetUtcNow(), ct);
            },
            ct);
        if (outcome is not null) metrics?.SampleDrawn(outcome.Cases.Count, timer.Elapsed);   // null: a retry, answered from the ledger
        return await store.GetSampleAsync(sampleId, ct);
    }

    /// <summary>A complete snapshot's cases, from memory when they are there (complete snapshots never change).</summary>
    private Task<PopulationColumns> CompleteCasesAsync(Guid snapshotId, CancellationToken ct)
        => population.GetAsync(snapshotId, () => snapshots.LoadCaseloadAsync(snapshotId, ct));

    public Task<StoredSample> GetSampleAsync(string sampleId, CancellationToken ct)
        => store.GetSampleAsync(RequestIds.Id(sampleId, "sample_id"), ct);

    public Task<IReadOnlyList<StoredSampleSummary>> ListAsync(string? inspectionId, string? snapshotId, CancellationToken ct)
    {
        Guid? snapshot = string.IsNullOrWhiteSpace(snapshotId) ? null : RequestIds.Id(snapshotId, "snapshot_id");
        return store.ListSamplesAsync(string.IsNullOrWhiteSpace(inspectionId) ? null : inspectionId.Trim(), snapshot, ct);
    }

    /// <summary>The sample named, or else the inspection's current sample.</summary>
    public async Task<StoredSample> SampleOfAsync(string inspectionId, string sampleId, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(sampleId)) return await GetSampleAsync(sampleId, ct);
        if (string.IsNullOrWhiteSpace(inspectionId)) throw new ValidationException("inspection_id", "an inspection id (or a sample id) is required");
        var current = await store.CurrentSampleIdAsync(inspectionId.Trim(), ct)
            ?? throw new NotFoundException("Sample for inspection", inspectionId);
        return await store.GetSampleAsync(current, ct);
    }

    public Task<StoredSubstitution> SubstituteAsync(string? requestId, string fingerprint, string sampleId, string caseReference,
        string reason, string substitutedBy, CancellationToken ct)
    {
        var key = RequestIds.Required(requestId, "SubstituteCaseRequest", fingerprint);
        var id = RequestIds.Id(sampleId, "sample_id");
        return ledger.OnceAsync(key, Substituted,
            (connection, transaction) => store.SubstituteAsync(connection, transaction, id,
                sample => sample.Substitute(caseReference, reason, substitutedBy), clock.GetUtcNow(), ct), ct);
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
        var report = CompositionCheck.Compare(eligible, sample.ActiveCases.Select(c => c.Case).ToList(), chosen, CompositionCheck.FixedBy(plan));
        return (sample, report);
    }

    /// <summary>
    /// A snapshot's cases in canonical order; with a sample, each with its eligibility for that sample (the
    /// reason re-derived from the stored parameters, exactly as the draw derived it) and its role in it.
    /// </summary>
    public async IAsyncEnumerable<(CaseRecord Case, Exclusion? Exclusion, string Role)> PopulationAsync(string snapshotId, string sampleId,
        bool eligibleOnly, [EnumeratorCancellation] CancellationToken ct)
    {
        var id = RequestIds.Id(snapshotId, "snapshot_id");
        await snapshots.GetSnapshotAsync(id, ct);
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
        await foreach (var c in snapshots.StreamPopulationAsync(id, ct))
        {
            var exclusion = plan?.Eligibility.Exclude(c);
            if (eligibleOnly && exclusion is not null) continue;
            yield return (c, exclusion, roles.GetValueOrDefault(c.CaseReference, ""));
        }
    }
}
