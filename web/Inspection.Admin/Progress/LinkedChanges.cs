using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Progress;

/// <summary>
/// The measured change behind a progress judgement (issue 23): the key questions a recommendation is linked to
/// (recommendation tracking) compared between the inspection that made it and the one judging it (assessment scoring),
/// checked against <c>judgement</c> when one is given. Nothing linked: nothing to compare, and no call to scoring.
/// </summary>
public sealed record LinkedChanges(RecommendationLinks Links, CompareKeyQuestionsResponse? Compared)
{
    public bool IsLinked => Links.Standards.Count > 0 || Links.KeyQuestions.Count > 0;

    public IReadOnlyList<MeasuredChange> Changes => Compared?.Changes.ToList() ?? [];

    /// <summary>The changes the judgement disagrees with: the page warns of them.</summary>
    public IReadOnlyList<MeasuredChange> Disagreeing => Changes.Where(c => c.DisagreesWithJudgement).ToList();

    public static async Task<LinkedChanges> LoadAsync(
        RecommendationTracking.RecommendationTrackingClient tracking, AssessmentScoring.AssessmentScoringClient scoring,
        Recommendation recommendation, string judgingInspectionId, string? judgement, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var links = await tracking.GetRecommendationLinksAsync(new GetRecommendationLinksRequest { RecommendationId = recommendation.RecommendationId }, options);
        if (links.Standards.Count == 0 && links.KeyQuestions.Count == 0) return new LinkedChanges(links, null);
        var request = new CompareKeyQuestionsRequest
        {
            EarlierInspectionId = recommendation.InspectionId,
            LaterInspectionId = judgingInspectionId,
            Judgement = judgement ?? "",
        };
        request.KeyQuestionIds.AddRange(links.KeyQuestions.Select(k => k.Id));
        request.StandardIds.AddRange(links.Standards.Select(s => s.Id));
        return new LinkedChanges(links, await scoring.CompareKeyQuestionsAsync(request, options));
    }
}
