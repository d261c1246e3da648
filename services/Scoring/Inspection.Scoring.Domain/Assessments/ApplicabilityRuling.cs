namespace Inspection.Scoring.Domain.Assessments;

/// <summary>An <see cref="Applicability"/> with the reason, worded for a field violation.</summary>
public sealed record ApplicabilityRuling(Applicability Applicability, string Reason);
