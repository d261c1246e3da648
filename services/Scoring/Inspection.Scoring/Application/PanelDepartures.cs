using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Application;

/// <summary>RecordPanelDeparture: the panel's rating of a standard in place of the computed one, with its rationale;
/// safe to retry through the request ledger, a correction once the inspection is published.</summary>
public sealed class PanelDepartures(
    PanelDepartureStore store, RequestLedger ledger, InspectionFrameworks frameworks, PublicationGuards guards, PublishedRecord published, TimeProvider clock)
{
    public async Task<PanelDeparture> RecordAsync(
        string inspectionId, string standardId, string rating, string rationale, string agreedBy, string? correctionReason, string? recordedBy,
        RequestKey? request, CancellationToken ct)
    {
        var by = string.IsNullOrWhiteSpace(recordedBy) ? agreedBy : recordedBy;
        (Domain.Frameworks.Framework Framework, PanelDeparture Departure, PublicationGuard Guard)? decided = null;
        var recorded = await ledger.OnceAsync(request, LedgerAnswer.Itself<Recorded>(),
            async token =>
            {
                var (framework, pinned) = await frameworks.OfAsync(inspectionId, token);
                InspectionFrameworks.RequireSource(pinned, PinnedInspection.CaseAssessments, inspectionId);
                PanelDepartureRules.Validate(framework, standardId, rating, rationale, agreedBy);
                var guard = await guards.ForAsync(inspectionId, correctionReason, Correction.PanelDeparture, $"panel departure for standard {standardId}", by, token);
                decided = (framework, new PanelDeparture(standardId, rating, rationale.Trim(), agreedBy.Trim(), clock.GetUtcNow()), guard);
                return new Recorded(inspectionId, StandardId: standardId);
            },
            async (_, connection, transaction) =>
            {
                var (framework, departure, guard) = decided!.Value;
                await InspectionStore.PinAsync(connection, transaction, inspectionId, framework, PinnedInspection.CaseAssessments, ct);
                guard.RequireCorrection($"the rating of standard {departure.StandardId}");
                await CorrectionStore.InsertAsync(connection, transaction, guard, ct);
                await PanelDepartureStore.WriteAsync(connection, transaction, inspectionId, departure, ct);
            }, ct);
        await published.FollowCorrectionAsync(inspectionId, correctionReason, by, ct);
        return await store.GetAsync(recorded.InspectionId, recorded.StandardId!, ct)
            ?? throw new NotFoundException("panel departure", $"{recorded.InspectionId}/{recorded.StandardId}");
    }
}
