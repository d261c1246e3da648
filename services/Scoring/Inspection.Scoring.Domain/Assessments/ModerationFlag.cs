namespace Inspection.Scoring.Domain.Assessments;

/// <summary>A case's key-question answer that contradicts its prompts: accepted as the inspector's judgement,
/// flagged for moderation. <paramref name="RaisedOn"/> is the answers it was raised on (the key question's and its
/// prompts'), so a resolution "answer kept" holds only while they are the same.</summary>
public sealed record ModerationFlag(string CaseReference, string KeyQuestionId, string Kind, string Description, string RaisedOn = "")
{
    public const string YesWithEveryPromptNo = "yes_with_every_prompt_no";
    public const string NoWithEveryPromptYes = "no_with_every_prompt_yes";
}
