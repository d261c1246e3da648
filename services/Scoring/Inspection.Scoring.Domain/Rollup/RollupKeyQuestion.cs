namespace Inspection.Scoring.Domain.Rollup;

/// <summary>National Yes answers over applicable cases for one key question (long: national totals can be large).</summary>
public sealed record RollupKeyQuestion(string QuestionId, string StandardId, long Yes, long Applicable)
{
    public double? Pct => Applicable > 0 ? 100.0 * Yes / Applicable : null;
}
