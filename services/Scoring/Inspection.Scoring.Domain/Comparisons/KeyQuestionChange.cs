using Inspection.Statistics.Comparisons;

namespace Inspection.Scoring.Domain.Comparisons;

/// <summary>
/// One linked key question at both inspections: how it was found at the later one, each side's figure (absent where
/// that inspection has no count for it yet) and, when both have one, the later minus the earlier proportion with
/// Newcombe's hybrid interval, in percentage points.
/// </summary>
public sealed record KeyQuestionChange(
    string EarlierQuestionId,
    string EarlierText,
    Correspondence Correspondence,
    MeasuredKeyQuestion? Earlier,
    MeasuredKeyQuestion? Later,
    ProportionDifference? DifferencePct);
