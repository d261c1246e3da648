using Grpc.Core;

using Inspection.Scoring.V1;
using Inspection.ServiceDefaults;

namespace Inspection.Recommendations.Upstream;

/// <summary>
/// Assessment scoring as publishing asks it: GetInspectionRatings as this service (a read the RPC policy opens to
/// recommendation-tracking) and RecordPublishedFigures as the person publishing (a write, open only to staff). The
/// deadline and the failures come from the one client way (UpstreamException, mapped once); only what is particular
/// to publishing is caught here. The client is resolved per call: a host configured without scoring's address still
/// serves everything but publishing, and is given it without a restart.
/// </summary>
public sealed class AssessmentScoringRatings(Func<AssessmentScoring.AssessmentScoringClient> client) : IAssessmentScoring
{
    public const string AppId = "assessment-scoring";

    public async Task<IReadOnlyList<string>> BlockersAsync(Guid inspectionId, CancellationToken ct)
    {
        try
        {
            var ratings = await Client.GetInspectionRatingsAsync(
                new GetInspectionRatingsRequest { InspectionId = Identifier.Format(inspectionId) }, cancellationToken: ct);
            if (ratings.CanPublish) return [];
            return ratings.Blockers.Count > 0 ? ratings.Blockers.ToList() : ["the overall rating is not decided yet"];
        }
        catch (UpstreamException e) when (e.StatusCode is StatusCode.FailedPrecondition)
        {
            // e.g. a framework scoring holds no data for: it cannot rate the inspection, so it cannot be published
            return [$"assessment scoring cannot rate the inspection: {e.Status.Detail}"];
        }
    }

    public async Task RecordPublishedFiguresAsync(Guid inspectionId, DateOnly publishedOn, string publishedBy, string? callerAuthorization, CancellationToken ct)
    {
        var request = new RecordPublishedFiguresRequest
        {
            InspectionId = Identifier.Format(inspectionId), PublishedOn = CalendarDate.ToText(publishedOn), PublishedBy = publishedBy,
        };
        try
        {
            var scoring = Client;
            using var person = string.IsNullOrEmpty(callerAuthorization) ? null : CallerCredentials.ActingFor(callerAuthorization);
            await scoring.RecordPublishedFiguresAsync(request, cancellationToken: ct);
        }
        catch (UpstreamException e) when (e.StatusCode is StatusCode.FailedPrecondition)
        {
            throw new PreconditionFailedException($"Inspection {request.InspectionId} cannot be published yet: {e.Status.Detail}.");
        }
        catch (UpstreamException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            // made with the caller's own token: scoring refusing the person publishing is the caller's answer, not a fault here
            throw new RpcException(new Status(e.StatusCode, $"{AppId} refused to store the figures to be published: {e.Status.Detail}; nothing was published"));
        }
    }

    private AssessmentScoring.AssessmentScoringClient Client
    {
        get
        {
            try
            {
                return client();
            }
            catch (InvalidOperationException e)
            {
                throw new UpstreamException(AppId, new RpcException(new Status(StatusCode.Unavailable, e.Message)));
            }
        }
    }
}
