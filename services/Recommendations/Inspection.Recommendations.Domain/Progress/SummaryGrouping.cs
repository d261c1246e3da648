namespace Inspection.Recommendations.Domain.Progress;

/// <summary>How progress judgements are counted: per judging inspection, per addressee provider, per region, per addressee group, or per year.</summary>
public sealed class SummaryGrouping
{
    public static readonly SummaryGrouping Inspection = new("inspection");
    public static readonly SummaryGrouping Provider = new("provider");
    public static readonly SummaryGrouping Region = new("region");
    public static readonly SummaryGrouping Addressee = new("addressee");
    public static readonly SummaryGrouping Year = new("year");

    public static IReadOnlyList<SummaryGrouping> All { get; } = [Inspection, Provider, Region, Addressee, Year];

    private SummaryGrouping(string word) => Word = word;

    public string Word { get; }

    /// <summary>The grouping named (inspection when empty), or a violation of <paramref name="field"/>.</summary>
    public static SummaryGrouping? Parse(string? word, string field, ICollection<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(word)) return Inspection;
        var grouping = All.FirstOrDefault(g => string.Equals(g.Word, word.Trim(), StringComparison.OrdinalIgnoreCase));
        if (grouping is null) violations.Add(new FieldViolation(field, $"'{word}' is not a grouping: one of {string.Join(", ", All.Select(g => g.Word))}"));
        return grouping;
    }

    public override string ToString() => Word;
}
