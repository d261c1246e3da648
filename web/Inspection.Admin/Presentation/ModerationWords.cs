using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;
using Inspection.Scoring.V1;

namespace Inspection.Admin.Presentation;

/// <summary>A moderation flag's state in words.</summary>
public static class ModerationWords
{
    public static string Resolution(ModerationFlag flag) => !flag.Resolved
        ? "Not resolved"
        : flag.Resolution.Is(ModerationResolution.AnswerChanged) ? "Answer changed" : "Answer kept";
}
