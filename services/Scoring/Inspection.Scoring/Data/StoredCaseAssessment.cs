using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Data;

/// <summary>A case assessment as stored: key-question answers first, then prompts, each in question order, and the sample
/// the case was in when it was assessed.</summary>
public sealed record StoredCaseAssessment(
    string InspectionId,
    string CaseReference,
    long Version,
    string StaffGrade,
    string AssessedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<QuestionAnswer> Answers,
    IReadOnlyList<ModerationFlag> Flags,
    int? QuestionsApplicable = null,
    int? QuestionsUnanswered = null,
    string SampleId = "")
{
    /// <summary>Every question that can apply to the case is answered. Assessments stored before completeness was
    /// kept (null counts) are in progress until they are saved again.</summary>
    public bool IsComplete => QuestionsUnanswered == 0;
}
