namespace Inspection.Evidence.Application;

/// <summary>
/// The characteristics-of-inspected-cases table: RecordCaseCharacteristics (computed from the current sample where it
/// carries the attribute, entered otherwise; each recording a new version) and GetCaseCharacteristics.
/// </summary>
public sealed class CaseCharacteristicsTables(
    CaseCharacteristicsStore store, RequestLedger ledger, IInspectionRegister register, ISampledCases sampledCases, TimeProvider clock)
{
    /// <summary>The first answer, as the ledger keeps it: {"inspection_id", "version"}.</summary>
    internal sealed record TableVersion(string InspectionId, long Version);

    private LedgerAnswer<CaseCharacteristicsTable, TableVersion> Answer => new(
        table => new TableVersion(table.InspectionId, table.Version),
        async (kept, ct) => await store.GetAsync(kept.InspectionId, kept.Version, ct)
            ?? throw new NotFoundException("Characteristics of inspected cases", kept.InspectionId));

    public Task<CaseCharacteristicsTable> RecordAsync(RecordCaseCharacteristics command, CancellationToken ct) =>
        ledger.OnceAsync(RequestKey.For(command.RequestId, command), Answer,
            async _ =>
            {
                var inspectionId = RequestIds.Required(command.InspectionId, "inspection_id");
                await register.GetAsync(inspectionId, ct);
                var sample = command.Table.ComputeFromSample ? await sampledCases.GetCurrentSampleAsync(inspectionId, ct) : null;
                var current = await store.GetAsync(inspectionId, null, ct);
                return CaseCharacteristicsTable.Compose(inspectionId, command.Table, sample, (current?.Version ?? 0) + 1, RecordingTime.Now(clock));
            },
            (table, connection, transaction) => store.InsertAsync(connection, transaction, table, ct), ct);

    /// <param name="version">An earlier version, or null for the latest.</param>
    public async Task<CaseCharacteristicsTable> GetAsync(string? inspectionId, long? version, CancellationToken ct)
    {
        var id = RequestIds.Required(inspectionId, "inspection_id");
        return await store.GetAsync(id, version, ct)
            ?? throw new NotFoundException("Characteristics of inspected cases of inspection", version is null ? id : $"{id} version {version}");
    }
}
