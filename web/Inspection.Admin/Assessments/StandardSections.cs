using Inspection.Scoring.V1;

namespace Inspection.Admin.Assessments;

/// <summary>
/// A case assessment split into its sections: the practitioner's grade, then one section per case standard, in the
/// framework's order. Says which question ids belong to a standard and how far a stored assessment has got with each,
/// so the pages can save one standard at a time and show progress across standards.
/// </summary>
public sealed class StandardSections(Framework framework)
{
    // A case standard with no question to answer (the 2024 programme's outcomes) is no step of an assessment: offered,
    // it read "0 of 0 questions answered - Completed" and a new case started at "1 of 5 standards completed".
    public IReadOnlyList<Standard> Standards { get; } =
        framework.Domains.SelectMany(d => d.Standards).Where(s => s.CaseStandard && QuestionIds(s).Count > 0).ToList();

    public Standard? Find(string standardId) => Standards.FirstOrDefault(s => s.StandardId == standardId);

    public int IndexOf(Standard standard) => Standards.ToList().FindIndex(s => s.StandardId == standard.StandardId);

    public Standard? After(Standard standard) => IndexOf(standard) + 1 is var next && next < Standards.Count ? Standards[next] : null;

    /// <summary>Every question of the standard the inspector answers: key questions, their prompts, then post-custody prompts.</summary>
    public static IReadOnlyList<string> QuestionIds(Standard standard) =>
        standard.KeyQuestions.SelectMany(kq => kq.Prompts.Select(p => p.PromptId).Prepend(kq.QuestionId))
            .Concat(standard.PostCustodyPrompts.Select(p => p.PromptId))
            .ToList();

    public static (int Answered, int Questions) Progress(Standard standard, IReadOnlyDictionary<string, string> answers)
    {
        var ids = QuestionIds(standard);
        return (ids.Count(id => answers.ContainsKey(id)), ids.Count);
    }

    /// <summary>The first standard not yet fully answered, or null when all are.</summary>
    public Standard? FirstUnfinished(IReadOnlyDictionary<string, string> answers) =>
        Standards.FirstOrDefault(s => Progress(s, answers) is var (answered, questions) && answered < questions);
}
