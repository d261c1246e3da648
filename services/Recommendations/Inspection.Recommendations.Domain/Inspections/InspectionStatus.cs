namespace Inspection.Recommendations.Domain.Inspections;

/// <summary>Where an inspection stands: planned (in the calendar, recommendations being drafted) or published.</summary>
public sealed class InspectionStatus : IWordListed<InspectionStatus>
{
    public static readonly InspectionStatus Planned = new("planned");
    public static readonly InspectionStatus Published = new("published");

    public static IReadOnlyList<InspectionStatus> All { get; } = [Planned, Published];

    public static string Kind => "an inspection status";

    private InspectionStatus(string word) => Word = word;

    public string Word { get; }

    public static InspectionStatus FromWord(string word) => WordList.FromStored<InspectionStatus>(word);

    public static InspectionStatus? Parse(string? word, string field, ICollection<FieldViolation> violations) =>
        WordList.Parse<InspectionStatus>(word, field, violations);

    public override string ToString() => Word;
}
