namespace Inspection.Scoring.Domain.Ratings;

/// <summary>Where figures come from: counted from case assessments, or the published report (inspections before the system).</summary>
public enum ResultSource
{
    CaseAssessments,
    Published,
}
