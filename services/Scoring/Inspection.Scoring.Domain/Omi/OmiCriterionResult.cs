namespace Inspection.Scoring.Domain.Omi;

/// <summary>A 2008 criterion (sections 1 to 3) with its percentage.</summary>
public sealed record OmiCriterionResult(string CriterionId, string Name, string SectionId, double Pct);
