namespace Inspection.Scoring.Domain.Assessments;

/// <summary>What a resolution of a moderation flag must say, and what "answer changed" must achieve.</summary>
public static class FlagResolutionRules
{
    public const int MaxNoteLength = 2000;

    /// <summary>The note, trimmed: required (the "why" of the record), at most <see cref="MaxNoteLength"/> characters.</summary>
    public static string Note(List<FieldViolation> violations, string? note)
    {
        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length == 0) violations.Add(new FieldViolation("note", "a resolution needs a note saying why"));
        else if (trimmed.Length > MaxNoteLength) violations.Add(new FieldViolation("note", $"a note is at most {MaxNoteLength} characters"));
        return trimmed;
    }

    /// <summary>The answers with the key question's answer replaced by <paramref name="answer"/> (answer changed).</summary>
    public static IReadOnlyList<AnswerInput> WithAnswer(IEnumerable<QuestionAnswer> stored, string keyQuestionId, string answer) =>
        stored.Where(a => a.QuestionId != keyQuestionId)
            .Select(a => new AnswerInput(a.QuestionId, AnswerWords.ToWord(a.Answer), a.Note))
            .Append(new AnswerInput(keyQuestionId, answer, stored.FirstOrDefault(a => a.QuestionId == keyQuestionId)?.Note ?? ""))
            .ToList();

    /// <summary>"Answer changed" must leave no contradiction on the key question (INVALID_ARGUMENT naming answer).</summary>
    public static void RequireContradictionGone(IReadOnlyList<ModerationFlag> flagsAfter, string keyQuestionId, string answer)
    {
        if (flagsAfter.FirstOrDefault(f => f.KeyQuestionId == keyQuestionId) is { } still)
            throw new ValidationException("answer",
                $"answering {keyQuestionId} {answer} still contradicts its prompts ({still.Description}): keep the answer with a note, or change the prompts' answers on the case's assessment");
    }
}
