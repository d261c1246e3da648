namespace Inspection.Scoring.Domain.Omi;

/// <summary>A 2008 section: the mean of its criteria's percentages.</summary>
public sealed record OmiSectionResult(string SectionId, string Name, double Pct, int Criteria);
