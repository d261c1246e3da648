using Google.Protobuf.WellKnownTypes;
using Inspection.Recommendations.Domain.Frameworks;
using Inspection.Recommendations.Domain.Links;
using Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Grpc;

/// <summary>A recommendation's links on the wire (issue 23), apart from RecommendationMessages so each change stays small.</summary>
public static class RecommendationLinkMessages
{
    public static NewRecommendationLinks ToCommand(this SetRecommendationLinksRequest request) =>
        NewRecommendationLinks.Create(request.RecommendationId, request.StandardIds, request.KeyQuestionIds, request.RecordedBy);

    public static RecommendationLinks ToMessage(this LinkedRecommendation linked)
    {
        var message = new RecommendationLinks
        {
            RecommendationId = Identifier.Format(linked.RecommendationId),
            InspectionId = Identifier.Format(linked.InspectionId),
            FrameworkId = linked.FrameworkId,
        };
        foreach (var link in linked.Links)
        {
            var item = new LinkedItem
            {
                Id = link.Item.Id,
                Text = link.Item.Text,
                StandardId = link.Item.Kind == OutlineKind.KeyQuestion ? link.Item.StandardId : "",
                LinkedBy = link.LinkedBy,
                LinkedAt = Timestamp.FromDateTimeOffset(link.LinkedAt),
            };
            (link.Item.Kind == OutlineKind.Standard ? message.Standards : message.KeyQuestions).Add(item);
        }
        return message;
    }
}
