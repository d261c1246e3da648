using Inspection.Domain;
using Grpc.Core;
using Inspection.Recommendations.Data;
using Inspection.Recommendations.Domain;
using Inspection.Scoring.V1;

namespace Inspection.Recommendations.Services;

/// <summary>
/// What stands between an inspection and its publication (issue 14): this service's own part (every recommendation
/// due for judgement at the inspection judged) and assessment scoring's can_publish and blockers (every sampled case
/// completely assessed, every domain-one standard with a final judgement, the overall rating decided, no unresolved
/// decision-rule breach), read with GetInspectionRatings as this service (a read, which the RPC policy opens to
/// recommendation-tracking). Scoring unreachable means nothing is published: UNAVAILABLE, the caller may retry.
/// </summary>
public sealed class PublicationReadiness(RecommendationStore store, IServiceProvider services)
{
    public const string ScoringAppId = "assessment-scoring";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <summary>Every blocker, this service's first; empty when the inspection can be published.</summary>
    public async Task<IReadOnlyList<string>> BlockersAsync(Guid inspectionId, CancellationToken ct)
    {
        var blockers = new List<string>();
        var due = await store.ListDueForJudgementAsync(inspectionId, ct);
        var unjudged = due.Recommendations.Count(r => r.JudgementAtThisInspection is null);
        if (unjudged > 0)
            blockers.Add($"{unjudged} of {due.Recommendations.Count} recommendations due for judgement at this inspection not yet judged");
        blockers.AddRange(await ScoringBlockersAsync(Identifier.Format(inspectionId), ct));
        return blockers;
    }

    /// <summary>
    /// Has assessment scoring store the figures about to be published (issue 19), as the person publishing, before this
    /// service marks the inspection published: if this fails nothing is published; if the publication then fails,
    /// scoring's stored figures stay pending (the register does not list the inspection as published) and the next
    /// attempt replaces them. Scoring refusing (the inspection cannot be published after all) is FAILED_PRECONDITION.
    /// </summary>
    public async Task RecordFiguresAsync(Guid inspectionId, DateOnly publishedOn, string publishedBy, string? callerAuthorization, CancellationToken ct)
    {
        var request = new RecordPublishedFiguresRequest
        {
            InspectionId = Identifier.Format(inspectionId), PublishedOn = publishedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            PublishedBy = publishedBy,
        };
        try
        {
            var scoring = services.GetRequiredService<AssessmentScoring.AssessmentScoringClient>();
            using var person = string.IsNullOrEmpty(callerAuthorization) ? null : CallerCredentials.ActingFor(callerAuthorization);
            await scoring.RecordPublishedFiguresAsync(request, new CallOptions(deadline: DateTime.UtcNow + Deadline, cancellationToken: ct));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition)
        {
            throw new PreconditionFailedException($"Inspection {request.InspectionId} cannot be published yet: {e.Status.Detail}.");
        }
        catch (RpcException e)
        {
            throw new RpcException(new Status(e.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated ? e.StatusCode : StatusCode.Unavailable,
                $"assessment scoring could not store the figures to be published ({e.StatusCode}: {e.Status.Detail}); nothing was published"));
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"assessment scoring cannot be reached: {e.Message}; nothing was published"));
        }
    }

    private async Task<IReadOnlyList<string>> ScoringBlockersAsync(string inspectionId, CancellationToken ct)
    {
        try
        {
            // resolved per check: a host configured without scoring's address still serves everything but publishing
            var scoring = services.GetRequiredService<AssessmentScoring.AssessmentScoringClient>();
            var ratings = await scoring.GetInspectionRatingsAsync(
                new GetInspectionRatingsRequest { InspectionId = inspectionId }, new CallOptions(deadline: DateTime.UtcNow + Deadline, cancellationToken: ct));
            if (ratings.CanPublish) return [];
            return ratings.Blockers.Count > 0 ? ratings.Blockers.ToList() : ["the overall rating is not decided yet"];
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition)
        {
            // e.g. a framework assessment scoring holds no data for: it cannot rate the inspection, so it cannot be published
            return [$"assessment scoring cannot rate the inspection: {e.Status.Detail}"];
        }
        catch (RpcException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"assessment scoring could not say whether the inspection is ready to publish ({e.StatusCode}: {e.Status.Detail}); nothing was published"));
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"assessment scoring cannot be reached: {e.Message}; nothing was published"));
        }
    }
}
