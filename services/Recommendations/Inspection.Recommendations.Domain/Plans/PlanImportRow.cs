using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>
/// One row of a plan file as read (words already read by the host): the recommendation by number, optionally its
/// response, and optionally one action (by its number, 0 for a new one) with the reason for a changed target date.
/// </summary>
public sealed record PlanImportRow(
    int RecommendationNumber,
    AddresseeResponse? Response,
    string ResponseReason,
    DateOnly? RespondedOn,
    int ActionNumber,
    string Action,
    string OwnerRole,
    string OwnerName,
    DateOnly? TargetDate,
    PlanActionStatus? Status,
    string StatusReason,
    string DateChangeReason)
{
    /// <summary>A row that gives no action: only the recommendation and perhaps its response.</summary>
    public bool HasAction => ActionNumber != 0 || Action.Length > 0 || OwnerRole.Length > 0 || OwnerName.Length > 0 || TargetDate is not null || Status is not null;
}
