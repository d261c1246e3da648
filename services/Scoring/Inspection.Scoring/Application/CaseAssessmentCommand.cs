using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Application;

/// <summary>A case assessment as an inspector submits it.</summary>
public sealed record CaseAssessmentCommand(
    string InspectionId,
    string CaseReference,
    IReadOnlyList<AnswerInput> Answers,
    string StaffGrade,
    string AssessedBy,
    long ExpectedVersion,
    string? CorrectionReason = null);
