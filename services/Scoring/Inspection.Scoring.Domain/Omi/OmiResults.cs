namespace Inspection.Scoring.Domain.Omi;

/// <summary>A 2008 inspection's figures: criterion and section percentages, the risk-of-harm thread and section 4 grades.</summary>
public sealed record OmiResults(
    IReadOnlyList<OmiCriterionResult> Criteria,
    IReadOnlyList<OmiSectionResult> Sections,
    double? RiskOfHarmThreadPct,
    IReadOnlyList<OmiGrade> Section4Grades);
