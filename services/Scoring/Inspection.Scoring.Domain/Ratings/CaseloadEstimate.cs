namespace Inspection.Scoring.Domain.Ratings;

/// <summary>The caseload's proportion estimated from a sample that is not self-weighting (each case weighted by what
/// it stands for), with its Korn-Graubard 95% interval, in percentage points. Shown beside the printed figure; the
/// rating uses the printed one (the published method).</summary>
public sealed record CaseloadEstimate(double Pct, double LowerPct, double UpperPct);
