using Inspection.Recommendations.V1;

namespace Inspection.Admin.Dashboard;

/// <summary>What the causes-for-concern panel shows: for one provider (its page) or everyone (home), the open flags and how many there are.</summary>
public sealed record CausesForConcernPanel(string? ProviderId, IReadOnlyList<CauseForConcern> Concerns, int Total, bool Unavailable);
