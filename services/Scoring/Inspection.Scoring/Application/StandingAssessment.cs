using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Application;

/// <summary>A stored assessment with whether it counts in the current sample, or why it is set aside.</summary>
public sealed record StandingAssessment(StoredCaseAssessment Assessment, AssessmentStanding Standing);
