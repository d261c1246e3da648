using Inspection.Domain.Vocabularies;
using Inspection.Statistics.Comparisons;

namespace Inspection.Scoring.Domain.Comparisons;

/// <summary>
/// A key question as an inspection's ratings give it: k Yes of n applicable and the 95% interval the ratings computed
/// (design-based where the sample's design is known, otherwise Wilson's), in percentage points.
/// </summary>
public sealed record MeasuredKeyQuestion(string QuestionId, string Text, int Yes, int Applicable, double LowerPct, double UpperPct, IntervalMethod Method)
{
    public double Pct => 100.0 * Yes / Applicable;

    /// <summary>The proportion and its interval in the unit interval, for <see cref="ProportionDifference.Newcombe"/>.</summary>
    public ProportionDifference.Estimate AsEstimate() => new((double)Yes / Applicable, LowerPct / 100, UpperPct / 100);
}
