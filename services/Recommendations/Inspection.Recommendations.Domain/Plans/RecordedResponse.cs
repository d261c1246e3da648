using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>The addressee's response as stored: not the progress judgement, shown beside it.</summary>
public sealed record RecordedResponse(AddresseeResponse Response, string Reason, DateOnly RespondedOn, PlanSource Source, string RecordedBy, DateTimeOffset RecordedAt);
