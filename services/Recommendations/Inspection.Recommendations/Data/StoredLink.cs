using Inspection.Recommendations.Domain.Frameworks;

namespace Inspection.Recommendations.Data;

/// <summary>A link as stored: what it points to (by kind and id) and who made it when.</summary>
public sealed record StoredLink(OutlineKind Kind, string TargetId, string LinkedBy, DateTimeOffset LinkedAt);
