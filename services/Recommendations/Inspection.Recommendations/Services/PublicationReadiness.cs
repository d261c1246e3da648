using Inspection.Domain;
using Inspection.Grpc;
using Inspection.Recommendations.Data;
using Inspection.Recommendations.Domain;
using Inspection.Scoring.V1;

namespace Inspection.Recommendations.Services;

/// <summary>
/// What stands between an inspection and its publication (issue 14): this service's own part (every recommendation
/// due for judgement at the inspection judged) and assessment scoring's can_publish and blockers (every sampled case
/// completely assessed, every domain-one standard with a final judgement, the overall rating decided, no unresolved
/// decision-rule breach), asked with GetInspectionRatings <b>on the caller's behalf</b>: the caller's own token goes
/// with the call, so scoring checks the same person's role, and no service-to-service right is needed.
/// </summary>
/// <remarks>
/// The channel is made per check and disposed after it (publishing is rare), from the configuration and the client
/// interceptors the host already has (Services:assessment-scoring:GrpcUrl, or the Dapr sidecar), so the host's
/// start-up needs nothing new. Scoring unreachable means nothing is published: UNAVAILABLE, the caller may retry.
/// </remarks>
public sealed class PublicationReadiness(RecommendationStore store, IConfiguration configuration, IEnumerable<IClientCallInterceptor> interceptors)
{
    public const string ScoringAppId = "assessment-scoring";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <summary>Every blocker, this service's first; empty when the inspection can be published.</summary>
    public async Task<IReadOnlyList<string>> BlockersAsync(Guid inspectionId, string? authorization, CancellationToken ct)
    {
        var blockers = new List<string>();
        var due = await store.ListDueForJudgementAsync(inspectionId, ct);
        var unjudged = due.Recommendations.Count(r => r.JudgementAtThisInspection is null);
        if (unjudged > 0)
            blockers.Add($"{unjudged} of {due.Recommendations.Count} recommendations due for judgement at this inspection not yet judged");
        blockers.AddRange(await ScoringBlockersAsync(Identifier.Format(inspectionId), authorization, ct));
        return blockers;
    }

    private async Task<IReadOnlyList<string>> ScoringBlockersAsync(string inspectionId, string? authorization, CancellationToken ct)
    {
        var headers = new Metadata();
        if (!string.IsNullOrEmpty(authorization)) headers.Add("authorization", authorization);
        try
        {
            using var channels = new GrpcClientFactory(configuration, interceptors);
            var scoring = new AssessmentScoring.AssessmentScoringClient(channels.ChannelFor(ScoringAppId));
            var ratings = await scoring.GetInspectionRatingsAsync(
                new GetInspectionRatingsRequest { InspectionId = inspectionId }, new CallOptions(headers, DateTime.UtcNow + Deadline, ct));
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
            throw new RpcException(StatusCode.Unavailable,
                $"assessment scoring could not say whether the inspection is ready to publish ({e.StatusCode}: {e.Status.Detail}); nothing was published");
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(StatusCode.Unavailable, $"assessment scoring cannot be reached: {e.Message}; nothing was published");
        }
    }
}
