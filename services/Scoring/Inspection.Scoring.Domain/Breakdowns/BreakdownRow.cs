using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Domain.Breakdowns;

/// <summary>
/// One key question for one attribute value against the rest of the sample: both k of n and rounded percentages,
/// the relative rate index (the group's Yes rate over the rest's), Fisher's exact p, and a small-group mark (the group or the rest
/// has n &lt; 5: the test compares the two, so it is too small to read for either).
/// </summary>
public sealed record BreakdownRow(
    string QuestionId,
    string Value,
    YesCount Group,
    YesCount Rest,
    double? RelativeRateIndex,
    double FisherP,
    bool SmallGroup)
{
    public const int SmallGroupBelow = 5;
    public const double SignificanceLevel = 0.05;

    public bool Significant => !SmallGroup && FisherP < SignificanceLevel;
}
