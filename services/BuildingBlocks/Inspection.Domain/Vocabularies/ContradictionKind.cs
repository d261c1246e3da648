namespace Inspection.Domain.Vocabularies;

/// <summary>How a key-question answer contradicts its prompts (scoring.proto kind). Its words: <c>WireWords.ContradictionKinds</c> in Inspection.Contracts.</summary>
public enum ContradictionKind
{
    YesWithEveryPromptNo,
    NoWithEveryPromptYes,
}
