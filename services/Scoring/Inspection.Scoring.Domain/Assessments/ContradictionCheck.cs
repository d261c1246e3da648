namespace Inspection.Scoring.Domain.Assessments;

/// <summary>
/// Finds key questions answered Yes while every applicable (Yes/No) prompt under them is No, or the reverse.
/// The key question is a judgement, not a formula over prompts, so this flags and never changes the answer.
/// </summary>
public static class ContradictionCheck
{
    public static IReadOnlyList<ModerationFlag> Find(Framework framework, string caseReference, IReadOnlyList<QuestionAnswer> answers)
    {
        var byId = answers.ToDictionary(a => a.QuestionId, a => a.Answer, StringComparer.Ordinal);
        var flags = new List<ModerationFlag>();
        foreach (var keyQuestion in framework.CaseKeyQuestions)
        {
            if (!byId.TryGetValue(keyQuestion.Id, out var kqAnswer) || kqAnswer == Answer.NotApplicable) continue;
            var promptAnswers = keyQuestion.Prompts
                .Select(p => byId.TryGetValue(p.Id, out var a) ? a : Answer.NotApplicable)
                .Where(a => a != Answer.NotApplicable)
                .ToList();
            if (promptAnswers.Count == 0) continue;
            if (kqAnswer == Answer.Yes && promptAnswers.All(a => a == Answer.No))
                flags.Add(new(caseReference, keyQuestion.Id, ModerationFlag.YesWithEveryPromptNo,
                    $"{keyQuestion.Id} is Yes but all {promptAnswers.Count} applicable prompts are No", RaisedOn(keyQuestion, byId)));
            else if (kqAnswer == Answer.No && promptAnswers.All(a => a == Answer.Yes))
                flags.Add(new(caseReference, keyQuestion.Id, ModerationFlag.NoWithEveryPromptYes,
                    $"{keyQuestion.Id} is No but all {promptAnswers.Count} applicable prompts are Yes", RaisedOn(keyQuestion, byId)));
        }
        return flags;
    }

    /// <summary>The key question's answer and each of its prompts' ("2.2.1=Yes;2.2.1.p1=No;2.2.1.p2=-"), in the
    /// framework's order: what a moderation resolution of the flag was made on.</summary>
    private static string RaisedOn(KeyQuestion keyQuestion, IReadOnlyDictionary<string, Answer> byId) =>
        string.Join(";", keyQuestion.Prompts.Select(p => p.Id).Prepend(keyQuestion.Id)
            .Select(id => $"{id}={(byId.TryGetValue(id, out var a) ? AnswerWords.ToWord(a) : "-")}"));
}
