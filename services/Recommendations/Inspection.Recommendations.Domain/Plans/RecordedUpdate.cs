using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>A dated note on a recommendation: who (author), when (occurred on), what (text).</summary>
public sealed record RecordedUpdate(Guid Id, PlanUpdateKind Kind, DateOnly OccurredOn, string Author, string Text, PlanSource Source, string RecordedBy, DateTimeOffset RecordedAt);
