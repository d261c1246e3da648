using Inspection.ServiceDefaults;
using Npgsql;


namespace Inspection.Recommendations.Application;

/// <summary>
/// The inspection calendar: CreateInspection, PublishInspection, RecordImprovementPlanReceipt, CorrectPublishedInspection
/// and the reads. Publishing
/// asks what blocks it (this service's judgements and assessment scoring's ratings) and has scoring store the figures
/// before it writes, so those calls are made outside the transaction and never for a retry (the ledger answers it first).
/// </summary>
public sealed class InspectionCalendar(
    InspectionStore inspections, ProviderStore providers, ProviderRegister register, RequestLedger ledger, FrameworkCatalogue frameworks,
    PublicationReadiness readiness, ChangeLogStore changes, TimeProvider clock, ProductMetrics? metrics = null)
{
    /// <summary>The first answer, as the ledger keeps it: {"inspection_id"}; a retry is given the inspection as it stands.</summary>
    internal sealed record InspectionReference(Guid InspectionId);

    private LedgerAnswer<Written<ProviderInspection>, InspectionReference> Answer =>
        Written.Answer<ProviderInspection, InspectionReference>(i => new(i.Id), (kept, ct) => inspections.GetAsync(kept.InspectionId, ct));

    public Task<Written<ProviderInspection>> CreateAsync(string? requestId, NewInspection inspection, CancellationToken ct) =>
        ledger.OnceAsync(RequestKeys.For(requestId, "CreateInspection", inspection), Answer,
            async (c, tx) =>
            {
                ProviderRetirement.EnsureNotRetired(await providers.GetAsync(c, tx, inspection.ProviderId, ct), "inspected");
                var id = Guid.CreateVersion7();
                await inspections.InsertAsync(c, tx, id, inspection, ct);
                return Written.New(await inspections.GetAsync(c, tx, id, ct));
            }, ct);

    public Task<ProviderInspection> GetAsync(Guid inspectionId, CancellationToken ct) => inspections.GetAsync(inspectionId, ct);

    public async Task<Page<ProviderInspection>> ListAsync(InspectionQuery query, CancellationToken ct)
    {
        var listed = await register.ListedAsync(query.ProviderId, query.IncludePredecessors, ct);
        return await inspections.ListAsync(query, listed, ct);
    }

    /// <summary>
    /// Publishes the inspection once nothing blocks it (issue 14), scoring having stored the figures first (issue 19):
    /// a published inspection always has them, and a publication that fails after leaves them pending, replaced by the
    /// next attempt. Announced on the change log, in the same transaction, the first time only.
    /// </summary>
    /// <param name="callerAuthorization">The caller's own "Bearer ..." header: scoring stores the figures as the person publishing.</param>
    public async Task<Written<ProviderInspection>> PublishAsync(
        string? requestId, InspectionPublication publication, long expectedVersion, string? callerAuthorization, CancellationToken ct)
    {
        var written = await ledger.OnceAsync(RequestKeys.For(requestId, "PublishInspection", publication), Answer,
            async _ =>
            {
                // A wrong date and what blocks publishing are told together (issue 22: every error of a form at once).
                var current = await inspections.GetAsync(publication.InspectionId, ct);
                RowVersion.Ensure("Inspection", current.Id, current.Version, expectedVersion);
                ProviderInspection? published = null;
                IReadOnlyList<FieldViolation> wrong = [];
                try
                {
                    published = PublicationOf(current, publication);
                }
                catch (ValidationException e)
                {
                    wrong = e.Violations;
                }
                var blockers = await readiness.BlockersAsync(current.Id, ct);
                if (wrong.Count > 0) throw new ValidationException(wrong) { Preconditions = blockers };
                if (blockers.Count > 0)
                    throw new PreconditionFailedException(
                        $"Inspection {Identifier.Format(current.Id)} cannot be published yet: {string.Join("; ", blockers)}.", blockers);
                // Scoring stores the figures only for a publication that is carried out, never for a check.
                if (!ValidateOnly.IsRequested)
                    await readiness.RecordFiguresAsync(current.Id, publication.PublishedOn, publication.PublishedBy, callerAuthorization, ct);
                return Written.New(published!);
            },
            async (decided, c, tx) =>
            {
                await inspections.UpdatePublicationAsync(c, tx, decided.Value, expectedVersion, ct);
                var inspection = decided.Value;
                // Last: numbering the change holds the change log's counter until this transaction commits.
                await changes.AppendAsync(c, tx, new RecommendationChange(
                    0, ChangeType.InspectionPublished, clock.GetUtcNow(), inspection.Id, inspection.ProviderId, null, null, string.Empty,
                    inspection.PublishedOn, inspection.ImprovementPlanDue, inspection.PublishedBy), ct);
            }, ct);
        if (!written.Replayed) metrics?.InspectionPublished();
        return written;
    }

    /// <summary>
    /// Records a report published before this system kept inspections (the reference inspections of the demo data): no
    /// guard to ask, as its judgements and figures were never recorded here, and nothing to announce.
    /// </summary>
    public async Task<Written<ProviderInspection>> RecordEarlierPublicationAsync(
        string? requestId, InspectionPublication publication, long expectedVersion, CancellationToken ct)
    {
        var written = await ledger.OnceAsync(RequestKeys.For(requestId, "PublishInspection", publication), Answer,
            (c, tx) => ChangeAsync(c, tx, publication.InspectionId, expectedVersion, inspection =>
                inspections.UpdatePublicationAsync(c, tx, inspection.Publish(publication, frameworks.ImprovementPlanFor(inspection.FrameworkId), EnglandCalendar.Today(clock)), expectedVersion, ct), ct),
            ct);
        if (!written.Replayed) metrics?.InspectionPublished(recordedEarlier: true);
        return written;
    }

    public Task<Written<ProviderInspection>> RecordImprovementPlanReceiptAsync(
        string? requestId, ImprovementPlanReceipt receipt, long expectedVersion, CancellationToken ct) =>
        ledger.OnceAsync(RequestKeys.For(requestId, "RecordImprovementPlanReceipt", receipt), Answer,
            (c, tx) => ChangeAsync(c, tx, receipt.InspectionId, expectedVersion, inspection =>
                inspections.UpdateImprovementPlanReceiptAsync(c, tx, inspection.RecordImprovementPlanReceipt(receipt, EnglandCalendar.Today(clock)), ct), ct),
            ct);

    /// <summary>
    /// Puts published facts of the inspection right (its publication date, its fieldwork dates) with the reason: the
    /// inspection row takes the corrected values and each change is appended to its corrections, in one transaction.
    /// </summary>
    public Task<Written<ProviderInspection>> CorrectPublishedAsync(
        string? requestId, PublishedFactsCorrection correction, long expectedVersion, CancellationToken ct) =>
        ledger.OnceAsync(RequestKeys.For(requestId, "CorrectPublishedInspection", correction), Answer,
            (c, tx) => ChangeAsync(c, tx, correction.InspectionId, expectedVersion, async inspection =>
            {
                var (corrected, changes) = inspection.Correct(
                    correction, frameworks.ImprovementPlanFor(inspection.FrameworkId), EnglandCalendar.Today(clock), clock.GetUtcNow());
                await inspections.UpdatePublishedFactsAsync(c, tx, corrected, ct);
                await inspections.InsertCorrectionsAsync(c, tx, inspection.Id, changes, inspection.Version + 1, ct);
            }, ct),
            ct);

    /// <summary>Locks the inspection, checks it is at the version the caller read (ABORTED otherwise), stores the change and reads it back.</summary>
    private async Task<Written<ProviderInspection>> ChangeAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid inspectionId, long expectedVersion, Func<ProviderInspection, Task> store, CancellationToken ct)
    {
        var inspection = await inspections.GetAsync(c, tx, inspectionId, ct, forUpdate: true);
        RowVersion.Ensure("Inspection", inspection.Id, inspection.Version, expectedVersion);
        await store(inspection);
        return Written.New(await inspections.GetAsync(c, tx, inspection.Id, ct));
    }

    /// <summary>The inspection as publishing would leave it; the domain refuses publishing twice and a date that cannot have happened.</summary>
    private ProviderInspection PublicationOf(ProviderInspection current, InspectionPublication publication) =>
        current.Publish(publication, frameworks.ImprovementPlanFor(current.FrameworkId), EnglandCalendar.Today(clock)) with { Version = current.Version + 1 };
}
