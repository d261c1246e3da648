namespace Inspection.Recommendations.Domain.Progress;

/// <summary>Counts by judgement for one group (one inspection, provider, region, addressee group or year).</summary>
public sealed record ProgressSummaryRow(string Key, string Label, IReadOnlyList<JudgementCount> Counts)
{
    public int Total => Counts.Sum(c => c.Count);

    public int CountOf(string judgement) => Counts.FirstOrDefault(c => c.Judgement == judgement)?.Count ?? 0;
}
