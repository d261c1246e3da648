using Inspection.Recommendations.Domain.Frameworks;

namespace Inspection.Recommendations.Domain.Links;

/// <summary>One standard or key question a recommendation is linked to, with who linked it and when.</summary>
public sealed record RecommendationLink(OutlineItem Item, string LinkedBy, DateTimeOffset LinkedAt);
