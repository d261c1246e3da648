using Google.Protobuf.WellKnownTypes;
using Inspection.Recommendations.Domain.Concerns;
using Inspection.Recommendations.V1;

namespace Inspection.Recommendations.Grpc;

/// <summary>Causes for concern to and from the wire.</summary>
public static class ConcernMessages
{
    public static V1.CauseForConcern ToMessage(this Domain.Concerns.CauseForConcern concern)
    {
        var message = new V1.CauseForConcern
        {
            ConcernId = Identifier.Format(concern.Id), ProviderId = Identifier.Format(concern.ProviderId), ProviderName = concern.ProviderName,
            RuleId = concern.RuleId, RuleVersion = concern.RuleVersion, RuleTitle = concern.RuleTitle, Detail = concern.Detail,
            MetOn = CalendarDate.ToText(concern.MetOn), RaisedAt = Timestamp.FromDateTimeOffset(concern.RaisedAt), Version = concern.Version,
            Closed = concern.Closure is not null,
        };
        message.Records.AddRange(concern.Records.Select(r => new V1.ConcernRecord
        {
            InspectionId = Format(r.InspectionId), RecommendationId = Format(r.RecommendationId), ActionId = Format(r.ActionId), Description = r.Description,
        }));
        if (concern.Closure is { } closure)
        {
            message.ClosedBy = closure.ClosedBy;
            message.ClosedAt = Timestamp.FromDateTimeOffset(closure.ClosedAt);
            message.CloseReason = closure.Reason;
        }
        return message;
    }

    private static string Format(Guid? id) => id is { } value ? Identifier.Format(value) : string.Empty;
}
