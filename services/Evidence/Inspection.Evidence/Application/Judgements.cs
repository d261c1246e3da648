namespace Inspection.Evidence.Application;

/// <summary>
/// The inspectors' domain-one judgements: RecordJudgement (each recording a new version of the standard's judgement; a
/// correction with its reason once the inspection is published), GetJudgements (read by assessment scoring) and
/// GetJudgementHistory.
/// </summary>
public sealed class Judgements(JudgementStore store, RequestLedger ledger, InspectionFrameworks frameworks, TimeProvider clock)
{
    /// <summary>The first answer, as the ledger keeps it: {"inspection_id", "standard_id", "version"}.</summary>
    internal sealed record JudgementVersion(string InspectionId, string StandardId, long Version);

    private LedgerAnswer<Judgement, JudgementVersion> Answer => new(
        judgement => new JudgementVersion(judgement.InspectionId, judgement.StandardId, judgement.Version),
        async (kept, ct) => await store.GetAsync(kept.InspectionId, kept.StandardId, kept.Version, ct)
            ?? throw new NotFoundException("Judgement", $"{kept.InspectionId}/{kept.StandardId}"));

    public Task<Judgement> RecordAsync(RecordJudgement command, CancellationToken ct) =>
        ledger.OnceAsync(RequestKey.For(command.RequestId, command), Answer,
            async _ =>
            {
                var inspectionId = RequestIds.Required(command.InspectionId, "inspection_id");
                var (inspection, framework) = await frameworks.OfAsync(inspectionId, ct);
                var standard = framework.FindStandard(command.Judgement.StandardId?.Trim() ?? "");
                var current = standard is null ? null : await store.GetAsync(inspectionId, standard.Id, null, ct);
                return Judgement.Record(inspectionId, framework, command.Judgement, current, RecordingTime.Now(clock), inspection.Status == "published");
            },
            (judgement, connection, transaction) => store.InsertAsync(connection, transaction, judgement, ct), ct);

    /// <summary>The current judgement of each standard, in standard order.</summary>
    public async Task<IReadOnlyList<Judgement>> GetCurrentAsync(string? inspectionId, CancellationToken ct)
    {
        var id = RequestIds.Required(inspectionId, "inspection_id");
        var judgements = await store.GetCurrentAsync(id, ct);
        return judgements.OrderBy(j => j.StandardId, StandardIdOrder.Instance).ToList();
    }

    public Task<IReadOnlyList<Judgement>> GetHistoryAsync(string? inspectionId, string? standardId, CancellationToken ct)
    {
        var id = RequestIds.Required(inspectionId, "inspection_id");
        var standard = RequestIds.Required(standardId, "standard_id");
        return store.GetHistoryAsync(id, standard, ct);
    }
}
