using System.Globalization;
using Inspection.Scoring.V1;

namespace Inspection.Admin.Progress;

/// <summary>
/// A key question's change between two inspections in words, whole percentage points rounded half away from zero:
/// "rose by 20 percentage points (95% interval 5 to 33)", "fell by 12 percentage points (95% interval 2 to 25)",
/// and where the interval runs from a fall to a rise, "(95% interval from a fall of 10 to a rise of 15)".
/// </summary>
public static class ChangeWords
{
    public static string Difference(MeasuredChange change)
    {
        if (!change.HasDifferencePct) return "";
        var difference = Points(change.DifferencePct);
        var (lower, upper) = (Points(change.DifferenceLowerPct), Points(change.DifferenceUpperPct));
        var interval = lower >= 0 && upper >= 0 ? $"{Whole(lower)} to {Whole(upper)}"
            : lower <= 0 && upper <= 0 ? $"{Whole(-upper)} to {Whole(-lower)}"
            : $"from a fall of {Whole(-lower)} to a rise of {Whole(upper)}";
        var moved = difference switch
        {
            > 0 => $"rose by {Whole(difference)} percentage {Unit(difference)}",
            < 0 => $"fell by {Whole(-difference)} percentage {Unit(-difference)}",
            _ => "did not change",
        };
        return $"{moved} (95% interval {interval})";
    }

    /// <summary>"48 of 80 (60%)".</summary>
    public static string Figure(KeyQuestionMeasure measure) =>
        $"{measure.K} of {measure.N} ({Whole(Points(measure.Pct))}%)";

    private static double Points(double pct) => Math.Round(pct, MidpointRounding.AwayFromZero);

    private static string Whole(double points) => points.ToString("0", CultureInfo.InvariantCulture);

    private static string Unit(double points) => points == 1 ? "point" : "points";
}
