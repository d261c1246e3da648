using Google.Protobuf;
using Inspection.Evidence.V1;
using Grpc.Core;
using Inspection.LoadAndFaults;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;

namespace Inspection.Reliability.Tests;

/// <summary>
/// What the services answer about every inspection, read over gRPC: the inspection, its ratings (GetInspectionRatings,
/// or the status it answers instead), its recommendations with their full progress records, and its domain-one
/// judgements. Each answer is kept as a message so two states compare message for message.
/// </summary>
internal sealed record ServiceState(IReadOnlyList<(string What, IMessage Answer)> Answers)
{
    public static async Task<ServiceState> ReadAsync(InspectionSystem system)
    {
        var register = system.Client<RecommendationTracking.RecommendationTrackingClient>(ServiceTopology.RecommendationTracking);
        var scoring = system.Client<AssessmentScoring.AssessmentScoringClient>(ServiceTopology.AssessmentScoring);
        var evidence = system.Client<OrganisationalEvidence.OrganisationalEvidenceClient>(ServiceTopology.OrganisationalEvidence);
        var answers = new List<(string, IMessage)>();

        var inspections = new List<Recommendations.V1.Inspection>();
        var token = "";
        do
        {
            var page = await register.ListInspectionsAsync(new ListInspectionsRequest { PageSize = 100, PageToken = token }, Options);
            inspections.AddRange(page.Inspections);
            token = page.NextPageToken;
        } while (token.Length > 0);

        foreach (var inspection in inspections.OrderBy(i => i.InspectionId, StringComparer.Ordinal))
        {
            var id = inspection.InspectionId;
            answers.Add(($"inspection {id}", inspection));
            answers.Add(($"ratings of {id}", await RatingsAsync(scoring, id)));
            var recommendations = await register.ListRecommendationsAsync(new ListRecommendationsRequest { InspectionId = id, PageSize = 200 }, Options);
            foreach (var recommendation in recommendations.Recommendations)
                answers.Add(($"recommendation {recommendation.RecommendationId}",
                    await register.GetRecommendationAsync(new GetRecommendationRequest { RecommendationId = recommendation.RecommendationId }, Options)));
            answers.Add(($"judgements of {id}", await evidence.GetJudgementsAsync(new GetJudgementsRequest { InspectionId = id }, Options)));
        }
        return new ServiceState(answers);
    }

    public int Count<T>() where T : IMessage => Answers.Count(a => a.Answer is T);

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(30));

    /// <summary>The ratings, or for an inspection without any (a predecessor's), the status as a google.rpc.Status message.</summary>
    private static async Task<IMessage> RatingsAsync(AssessmentScoring.AssessmentScoringClient scoring, string inspectionId)
    {
        try
        {
            return await scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId }, Options);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
        {
            return new Google.Rpc.Status { Code = (int)e.StatusCode, Message = e.Status.Detail };
        }
    }
}
