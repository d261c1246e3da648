namespace Inspection.Scoring.Domain.Assessments;

/// <summary>Answers travel and are stored as the words the inspectorate uses: "Yes", "No", "Not applicable".</summary>
public static class AnswerWords
{
    public const string Yes = "Yes";
    public const string No = "No";
    public const string NotApplicable = "Not applicable";

    public static IReadOnlyList<string> All { get; } = [Yes, No, NotApplicable];

    public static bool TryParse(string? word, out Answer answer)
    {
        switch (word)
        {
            case Yes: answer = Answer.Yes; return true;
            case No: answer = Answer.No; return true;
            case NotApplicable: answer = Answer.NotApplicable; return true;
            default: answer = default; return false;
        }
    }

    public static string ToWord(this Answer answer) => answer switch
    {
        Answer.Yes => Yes,
        Answer.No => No,
        _ => NotApplicable,
    };
}
