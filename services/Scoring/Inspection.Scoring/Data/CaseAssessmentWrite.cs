using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Data;

/// <summary>A validated case assessment to store, with the case's attributes for breakdowns and its moderation flags,
/// against the sample the case is in now.</summary>
public sealed record CaseAssessmentWrite(
    string InspectionId,
    string SampleId,
    string CaseReference,
    long ExpectedVersion,
    string StaffGrade,
    string AssessedBy,
    IReadOnlyList<QuestionAnswer> KeyQuestionAnswers,
    IReadOnlyList<QuestionAnswer> PromptAnswers,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<ModerationFlag> Flags,
    DateTimeOffset RecordedAt,
    Completeness Completeness,
    PublicationGuard Guard);
