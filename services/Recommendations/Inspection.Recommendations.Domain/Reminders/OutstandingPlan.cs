using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Reminders;

/// <summary>
/// A published inspection's improvement plan as the reminders read it: when it is due, whether it was received, and
/// what its recommendations are (any a priority one, their responses: none for a recommendation without one).
/// </summary>
public sealed record OutstandingPlan(
    Guid InspectionId,
    Guid ProviderId,
    string ProviderName,
    DateOnly PublishedOn,
    DateOnly DueOn,
    DateOnly? ReceivedOn,
    int RecommendationCount,
    bool AnyPriority,
    IReadOnlySet<ResponseFilter> Responses);
