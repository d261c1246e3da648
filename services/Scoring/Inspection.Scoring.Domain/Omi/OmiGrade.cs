namespace Inspection.Scoring.Domain.Omi;

/// <summary>A 2008 section 4 criterion graded on the four-point scale.</summary>
public sealed record OmiGrade(string CriterionId, string Name, string Grade);
