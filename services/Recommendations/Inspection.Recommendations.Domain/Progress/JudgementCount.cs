namespace Inspection.Recommendations.Domain.Progress;

/// <summary>How many judgements took one word of the scale.</summary>
public sealed record JudgementCount(string Judgement, int Count);
