using Inspection.Domain.Dates;

namespace Inspection.Evidence.Application;

/// <summary>
/// Evidence items: AddEvidence, UpdateEvidence, WithdrawEvidence and the reads. A write checks the inspection with the
/// register and any case references with the sample, lets the domain decide, and is stored once per request id (the
/// ledger keeps the item's id and version, whose history never changes).
/// </summary>
public sealed class EvidenceItems(
    EvidenceItemStore store, RequestLedger ledger, InspectionFrameworks frameworks, ISampledCases sampledCases, TimeProvider clock)
{
    /// <summary>The first answer, as the ledger keeps it: {"evidence_id", "version"}.</summary>
    internal sealed record ItemVersion(Guid EvidenceId, long Version);

    private LedgerAnswer<EvidenceItem, ItemVersion> Answer => new(
        item => new ItemVersion(item.EvidenceId, item.Version),
        async (kept, ct) => await store.GetAsync(kept.EvidenceId, kept.Version, ct) ?? throw new NotFoundException("Evidence", kept.EvidenceId.ToString()));

    public Task<EvidenceItem> AddAsync(AddEvidence command, CancellationToken ct) =>
        ledger.OnceAsync(RequestKey.For(command.RequestId, command), Answer,
            async _ =>
            {
                var inspectionId = RequestIds.Required(command.InspectionId, "inspection_id");
                var framework = await frameworks.FrameworkOfAsync(inspectionId, ct);
                var (content, recordedBy) = EvidenceContent.Create(framework, command.Evidence, EnglandCalendar.Today(clock));
                await CheckCaseReferencesAsync(inspectionId, content, ct);
                return EvidenceItem.Add(Guid.NewGuid(), inspectionId, content, recordedBy, RecordingTime.Now(clock));
            },
            (item, connection, transaction) => store.InsertAsync(connection, transaction, item, ct), ct);

    public Task<EvidenceItem> UpdateAsync(UpdateEvidence command, CancellationToken ct) =>
        ledger.OnceAsync(RequestKey.For(command.RequestId, command), Answer,
            async _ =>
            {
                var current = await CurrentAsync(command.EvidenceId, ct);
                var framework = await frameworks.FrameworkOfAsync(current.InspectionId, ct);
                var (content, recordedBy) = EvidenceContent.Create(framework, command.Evidence, EnglandCalendar.Today(clock));
                await CheckCaseReferencesAsync(current.InspectionId, content, ct);
                return current.Revise(command.ExpectedVersion, content, recordedBy, RecordingTime.Now(clock));
            },
            (next, connection, transaction) => store.AppendVersionAsync(connection, transaction, next, ct), ct);

    public Task<EvidenceItem> WithdrawAsync(WithdrawEvidence command, CancellationToken ct) =>
        ledger.OnceAsync(RequestKey.For(command.RequestId, command), Answer,
            async _ =>
            {
                var current = await CurrentAsync(command.EvidenceId, ct);
                return current.Withdraw(command.ExpectedVersion, command.Reason, command.WithdrawnBy, RecordingTime.Now(clock));
            },
            (next, connection, transaction) => store.AppendVersionAsync(connection, transaction, next, ct), ct);

    public Task<EvidenceItem> GetAsync(string? evidenceId, CancellationToken ct) => CurrentAsync(evidenceId, ct);

    public async Task<IReadOnlyList<EvidenceItem>> GetHistoryAsync(string? evidenceId, CancellationToken ct)
    {
        var id = RequestIds.EvidenceId(evidenceId);
        var versions = await store.GetHistoryAsync(id, ct);
        return versions.Count > 0 ? versions : throw new NotFoundException("Evidence", id.ToString());
    }

    public Task<IReadOnlyList<EvidenceItem>> ListAsync(EvidenceFilter filter, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(filter.InspectionId))
            violations.Add(new FieldViolation("inspection_id", "is required"));
        if (filter.Source is not null && !EvidenceSource.IsKnown(filter.Source))
            violations.Add(new FieldViolation("source", $"'{filter.Source}' is not a source of evidence (expected one of {string.Join(", ", EvidenceSource.All)})"));
        if (filter.Finding is not null && !Finding.IsKnown(filter.Finding))
            violations.Add(new FieldViolation("finding", $"'{filter.Finding}' is not a finding (expected {Finding.Strength} or {Finding.AreaForImprovement})"));
        ValidationException.ThrowIfAny(violations);
        return store.ListAsync(filter with { InspectionId = filter.InspectionId.Trim() }, ct);
    }

    private async Task<EvidenceItem> CurrentAsync(string? evidenceId, CancellationToken ct)
    {
        var id = RequestIds.EvidenceId(evidenceId);
        return await store.GetAsync(id, null, ct) ?? throw new NotFoundException("Evidence", id.ToString());
    }

    /// <summary>Evidence may cite only cases of the inspection's current sample.</summary>
    private async Task CheckCaseReferencesAsync(string inspectionId, EvidenceContent content, CancellationToken ct)
    {
        if (content.CaseReferences.Count == 0) return;
        var sample = await sampledCases.GetCurrentSampleAsync(inspectionId, ct);
        var sampled = sample.Cases.Select(c => c.CaseReference).ToHashSet(StringComparer.Ordinal);
        var violations = content.CaseReferences
            .Select((reference, i) => (reference, i))
            .Where(x => !sampled.Contains(x.reference))
            .Select(x => new FieldViolation($"case_references[{x.i}]", $"'{x.reference}' is not a case of the inspection's current sample"))
            .ToList();
        ValidationException.ThrowIfAny(violations);
    }
}
