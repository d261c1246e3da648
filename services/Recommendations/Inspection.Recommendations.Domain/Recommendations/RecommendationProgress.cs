namespace Inspection.Recommendations.Domain.Recommendations;

/// <summary>A recommendation with every judgement of it, in the order recorded.</summary>
public sealed record RecommendationProgress(Recommendation Recommendation, IReadOnlyList<ProgressJudgement> History)
{
    /// <summary>The judgement recorded last (absent when never judged).</summary>
    public ProgressJudgement? Latest => History.MaxBy(j => j.Sequence);

    /// <summary>The judgement standing at <paramref name="inspectionId"/>: its latest revision there.</summary>
    public ProgressJudgement? At(Guid inspectionId) => History.Where(j => j.InspectionId == inspectionId).MaxBy(j => j.Sequence);

    /// <summary>The latest judgement made at any inspection other than <paramref name="inspectionId"/>.</summary>
    public ProgressJudgement? Before(Guid inspectionId) => History.Where(j => j.InspectionId != inspectionId).MaxBy(j => j.Sequence);

    /// <summary>Open until judged at the top of the scale.</summary>
    public bool IsOpen(ProgressScale scale) => Latest is not { } latest || !scale.Closes(latest.Judgement);
}
