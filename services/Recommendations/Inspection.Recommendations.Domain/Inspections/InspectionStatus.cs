namespace Inspection.Recommendations.Domain.Inspections;

/// <summary>Where an inspection stands: planned (in the calendar, recommendations being drafted) or published.</summary>
public sealed class InspectionStatus
{
    public static readonly InspectionStatus Planned = new("planned");
    public static readonly InspectionStatus Published = new("published");

    public static IReadOnlyList<InspectionStatus> All { get; } = [Planned, Published];

    private InspectionStatus(string word) => Word = word;

    public string Word { get; }

    public static InspectionStatus FromWord(string word) =>
        All.FirstOrDefault(s => s.Word == word) ?? throw new ArgumentException($"'{word}' is not an inspection status", nameof(word));

    public static InspectionStatus? Parse(string? word, string field, ICollection<FieldViolation> violations)
    {
        var status = All.FirstOrDefault(s => string.Equals(s.Word, word?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (status is null) violations.Add(new FieldViolation(field, $"'{word}' is not an inspection status: one of {string.Join(", ", All.Select(s => s.Word))}"));
        return status;
    }

    public override string ToString() => Word;
}
