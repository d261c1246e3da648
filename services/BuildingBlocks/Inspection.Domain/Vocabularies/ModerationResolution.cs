namespace Inspection.Domain.Vocabularies;

/// <summary>How a lead inspector resolved a moderation flag (scoring.proto ModerationFlag.resolution). Its words:
/// <c>WireWords.ModerationResolutions</c> in Inspection.Contracts.</summary>
public enum ModerationResolution
{
    AnswerKept,
    AnswerChanged,
}
