using Inspection.Domain.Vocabularies;

namespace Inspection.Recommendations.Domain.SaidAndFound;

/// <summary>A status the addressee reported on a day, in the order recorded.</summary>
public sealed record ReportedClaim(ReportedProgress Status, DateOnly ReportedOn);
