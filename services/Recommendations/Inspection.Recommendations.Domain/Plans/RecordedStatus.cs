using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>A status the addressee reported on a day; every one is kept, so what it said can be set against what was later found.</summary>
public sealed record RecordedStatus(ReportedProgress Status, DateOnly ReportedOn, string Note, PlanSource Source, string RecordedBy, DateTimeOffset RecordedAt);
