using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Data;

/// <summary>A case assessment as stored: key-question answers first, then prompts, each in question order.</summary>
public sealed record StoredCaseAssessment(
    string InspectionId,
    string CaseReference,
    long Version,
    string StaffGrade,
    string AssessedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<QuestionAnswer> Answers,
    IReadOnlyList<ModerationFlag> Flags);
