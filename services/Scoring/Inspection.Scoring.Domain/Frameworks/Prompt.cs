namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>
/// A prompt under a key question (or, for post-custody prompts, printed under the standard outside its key questions).
/// frameworks.json gives prompts no ids, so they are numbered in printed order: <c>2.2.1.p1</c>, and
/// <c>2.4.pc1</c> for post-custody prompts.
/// </summary>
public sealed record Prompt(
    string Id,
    string Text,
    string StandardId,
    string? KeyQuestionId,
    int Number,
    string Marker,
    bool NotInUnpaidWorkOnly,
    bool NotEveryCase,
    bool PostCustodyOnly)
{
    /// <summary>Published per prompt but never part of a key question or a rating.</summary>
    public bool IsPostCustodyPrompt => KeyQuestionId is null;
}
