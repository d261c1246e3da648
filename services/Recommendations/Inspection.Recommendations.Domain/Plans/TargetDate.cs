using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.Plans;

/// <summary>One of an action's target dates: revision 1 is the original (no reason), each later one a revision with its reason.</summary>
public sealed record TargetDate(int Revision, DateOnly Date, string Reason, PlanSource Source, string RecordedBy, DateTimeOffset RecordedAt);
