using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Application;

/// <summary>RecordPublishedResults: the figures and ratings of a report published before the system, transcribed;
/// safe to retry through the request ledger, a correction when replaced once the inspection is published.</summary>
public sealed class PublishedReports(
    PublishedResultsStore store, RequestLedger ledger, InspectionFrameworks frameworks, PublicationGuards guards, PublishedRecord published, TimeProvider clock)
{
    public async Task<(StoredPublishedResults Stored, Framework Framework)> RecordAsync(
        string inspectionId, PublishedResultsInput input, string? source, string? recordedBy, string? correctionReason, RequestKey? request,
        CancellationToken ct)
    {
        (Framework Framework, PublishedResults Results, PublicationGuard Guard)? decided = null;
        var recorded = await ledger.OnceAsync(request, LedgerAnswer.Itself<Recorded>(),
            async token =>
            {
                var (framework, pinned) = await frameworks.OfAsync(inspectionId, token);
                InspectionFrameworks.RequireSource(pinned, PinnedInspection.Published, inspectionId);
                var results = PublishedResultsValidator.Validate(framework, input);
                var guard = await guards.ForAsync(inspectionId, correctionReason, Correction.PublishedResults, "published results", recordedBy, token);
                decided = (framework, results, guard);
                return new Recorded(inspectionId);
            },
            async (_, connection, transaction) =>
            {
                var (framework, results, guard) = decided!.Value;
                await InspectionStore.PinAsync(connection, transaction, inspectionId, framework, PinnedInspection.Published, ct);
                await PublishedResultsStore.WriteAsync(connection, transaction, inspectionId, results, source ?? "", recordedBy ?? "", clock.GetUtcNow(), guard, ct);
            }, ct);
        await published.AfterPublishedResultsAsync(inspectionId, correctionReason, recordedBy, ct);
        var stored = await store.GetAsync(recorded.InspectionId, ct) ?? throw new NotFoundException("published results", recorded.InspectionId);
        return (stored, await frameworks.OfPinnedAsync(recorded.InspectionId, ct));
    }
}
