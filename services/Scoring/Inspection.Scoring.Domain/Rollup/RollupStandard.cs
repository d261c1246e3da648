namespace Inspection.Scoring.Domain.Rollup;

/// <summary>How many inspections' computed rating of a standard fell in each band.</summary>
public sealed record RollupStandard(string StandardId, string Name, IReadOnlyDictionary<string, int> RatingCounts);
