using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Application;

/// <summary>A case assessment as an inspector submits it. <paramref name="CorrectedBy"/>: who makes the change when it
/// is not the assessor (a lead inspector resolving a moderation flag), recorded with a correction.</summary>
public sealed record CaseAssessmentCommand(
    string InspectionId,
    string CaseReference,
    IReadOnlyList<AnswerInput> Answers,
    string StaffGrade,
    string AssessedBy,
    long ExpectedVersion,
    string? CorrectionReason = null,
    string? CorrectedBy = null);
