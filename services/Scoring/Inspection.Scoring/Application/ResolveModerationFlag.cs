using Inspection.Domain.Vocabularies;

namespace Inspection.Scoring.Application;

/// <summary>A lead inspector's resolution of one moderation flag, as asked. <paramref name="Answer"/> is the key
/// question's answer now, and <paramref name="CorrectionReason"/> why a published report changes, for
/// <see cref="ModerationResolution.AnswerChanged"/> only.</summary>
public sealed record ResolveModerationFlag(
    string InspectionId,
    string CaseReference,
    string KeyQuestionId,
    ModerationResolution Resolution,
    string Note,
    string Answer,
    string ResolvedBy,
    string? CorrectionReason = null);
