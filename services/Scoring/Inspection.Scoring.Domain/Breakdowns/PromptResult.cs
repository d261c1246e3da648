namespace Inspection.Scoring.Domain.Breakdowns;

/// <summary>One prompt's k of n and percentage, as the reports' annex tables print them (only positive answers,
/// Not applicable excluded). Post-custody prompts are published this way and never rated.</summary>
public sealed record PromptResult(
    string PromptId,
    string Text,
    string StandardId,
    string? KeyQuestionId,
    string Marker,
    bool PostCustody,
    YesCount? Count,
    int? RoundedPct,
    ResultSource Source)
{
    public static IReadOnlyList<PromptResult> FromCounts(Frameworks.Framework framework, IReadOnlyDictionary<string, YesCount> counts) =>
        framework.CasePrompts.Select(p =>
        {
            var count = counts.GetValueOrDefault(p.Id);
            return new PromptResult(p.Id, p.Text, p.StandardId, p.KeyQuestionId, p.Marker, p.IsPostCustodyPrompt,
                count.HasCases ? count : null, count.RoundedPct, ResultSource.CaseAssessments);
        }).ToList();

    public static IReadOnlyList<PromptResult> FromPublished(Frameworks.Framework framework, PublishedResults published) =>
        framework.CasePrompts.Select(p =>
        {
            var figure = published.Prompts.GetValueOrDefault(p.Id);
            return new PromptResult(p.Id, p.Text, p.StandardId, p.KeyQuestionId, p.Marker, p.IsPostCustodyPrompt,
                figure?.Count, figure?.Pct, ResultSource.Published);
        }).ToList();
}
