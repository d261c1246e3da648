using Inspection.Statistics.Comparisons;

namespace Inspection.Scoring.Domain.Breakdowns;

/// <summary>
/// One key question for one attribute value against the rest of the sample: both k of n and rounded percentages,
/// the relative rate index (the group's Yes rate over the rest's) with its 95% interval, Fisher's exact p as computed
/// and adjusted for the breakdown's comparisons, and a small-group mark (the group or the rest has n &lt; 5: the test
/// compares the two, so it is too small to read for either).
/// </summary>
/// <param name="RateInterval">Katz's log interval around the index; null when the group or the rest has no Yes.</param>
/// <param name="SameTestAs">With two groups for the question, the second row's test is the first's (one 2x2 table read
/// from either side): the first row's value, so the test is counted and shown once. Null when the row has its own test.</param>
/// <param name="AdjustedP">Fisher's p adjusted for the breakdown's comparisons; null for a small group, which is not compared.</param>
public sealed record BreakdownRow(
    string QuestionId,
    string Value,
    YesCount Group,
    YesCount Rest,
    double? RelativeRateIndex,
    double FisherP,
    bool SmallGroup,
    RateRatio? RateInterval = null,
    string? SameTestAs = null,
    double? AdjustedP = null)
{
    public const int SmallGroupBelow = 5;
    public const double SignificanceLevel = 0.05;

    /// <summary>Unadjusted, as the contract's <c>significant</c> has always meant; read <see cref="SignificantAfterAdjustment"/>.</summary>
    public bool Significant => !SmallGroup && FisherP < SignificanceLevel;

    /// <summary>A difference once the number of comparisons is allowed for: what the admin calls significant.</summary>
    public bool SignificantAfterAdjustment => !SmallGroup && AdjustedP < SignificanceLevel;

    /// <summary>This row's test is one of the breakdown's comparisons: readable, and not a second view of another row's table.</summary>
    public bool IsComparison => !SmallGroup && SameTestAs is null;
}
