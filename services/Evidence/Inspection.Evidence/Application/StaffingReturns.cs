namespace Inspection.Evidence.Application;

/// <summary>The provider's staffing and workload return: RecordStaffingReturn (each recording a new version) and GetStaffingReturn.</summary>
public sealed class StaffingReturns(StaffingReturnStore store, RequestLedger ledger, IInspectionRegister register, TimeProvider clock)
{
    /// <summary>The first answer, as the ledger keeps it: {"inspection_id", "version"}.</summary>
    internal sealed record ReturnVersion(string InspectionId, long Version);

    private LedgerAnswer<StaffingReturn, ReturnVersion> Answer => new(
        staffing => new ReturnVersion(staffing.InspectionId, staffing.Version),
        async (kept, ct) => await store.GetAsync(kept.InspectionId, kept.Version, ct) ?? throw new NotFoundException("Staffing return", kept.InspectionId));

    public Task<StaffingReturn> RecordAsync(RecordStaffingReturn command, CancellationToken ct) =>
        ledger.OnceAsync(RequestKey.For(command.RequestId, command), Answer,
            async _ =>
            {
                var inspectionId = RequestIds.Required(command.InspectionId, "inspection_id");
                await register.GetAsync(inspectionId, ct);
                var current = await store.GetAsync(inspectionId, null, ct);
                return StaffingReturn.Create(inspectionId, command.Return, (current?.Version ?? 0) + 1, RecordingTime.Now(clock));
            },
            (staffing, connection, transaction) => store.InsertAsync(connection, transaction, staffing, ct), ct);

    /// <param name="version">An earlier version, or null for the latest.</param>
    public async Task<StaffingReturn> GetAsync(string? inspectionId, long? version, CancellationToken ct)
    {
        var id = RequestIds.Required(inspectionId, "inspection_id");
        return await store.GetAsync(id, version, ct)
            ?? throw new NotFoundException("Staffing return of inspection", version is null ? id : $"{id} version {version}");
    }
}
