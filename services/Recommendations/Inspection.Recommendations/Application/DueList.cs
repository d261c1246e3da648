namespace Inspection.Recommendations.Application;

/// <summary>What an inspection must judge, and the scale it judges with.</summary>
public sealed record DueList(ProviderInspection Inspection, ProgressScale Scale, IReadOnlyList<DueRecommendation> Recommendations);
