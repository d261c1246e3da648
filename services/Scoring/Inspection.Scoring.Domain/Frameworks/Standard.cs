namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>A standard of a framework with its key questions, post-custody prompts and decision rules.</summary>
public sealed record Standard(
    string Id,
    string Name,
    string? Statement,
    string DomainId,
    bool Rated,
    RatingMethod Method,
    bool Optional,
    string? NotApplicableRatingWord,
    IReadOnlyList<KeyQuestion> KeyQuestions,
    IReadOnlyList<Prompt> PostCustodyPrompts,
    IReadOnlyList<DecisionRule> DecisionRules,
    bool IsCaseStandard)
{
    /// <summary>Rated from case assessments by the lowest key question.</summary>
    public bool IsRatedFromCases => Rated && Method == RatingMethod.LowestKeyQuestion;

    /// <summary>Rated by inspector judgement (domain one).</summary>
    public bool IsJudged => Rated && Method == RatingMethod.InspectorJudgement;

    /// <summary>All prompts: those under key questions, then the post-custody ones.</summary>
    public IEnumerable<Prompt> AllPrompts => KeyQuestions.SelectMany(k => k.Prompts).Concat(PostCustodyPrompts);
}
