namespace Inspection.Admin.Pages.Sample;

/// <summary>
/// What the draw form posts. Windows, quotas and split groups come as a fixed number of rows (no script adds more);
/// empty rows are left out.
/// </summary>
public sealed class DrawInput
{
    public const int WindowRows = 3, QuotaRows = 3, SplitRows = 3;

    public string? SnapshotId { get; set; }
    public List<WindowRow> Windows { get; set; } = Rows<WindowRow>(WindowRows);
    public List<string> SentenceTypes { get; set; } = [];
    public List<string> StratifyBy { get; set; } = [];
    public string? SizeMode { get; set; } = "fixed";
    public string? FixedSize { get; set; }
    public string? ConfidenceLevel { get; set; } = "80";
    public string? MarginOfError { get; set; } = "5";
    public List<QuotaRow> Quotas { get; set; } = Rows<QuotaRow>(QuotaRows);
    public string? SplitAttribute { get; set; }
    public List<SplitGroupRow> SplitGroups { get; set; } = Rows<SplitGroupRow>(SplitRows);
    public string? Seed { get; set; }
    public string? Reserves { get; set; }
    public string? RequestId { get; set; }

    /// <summary>A re-draw once cases are assessed: the person confirms that the assessments counted now (the number
    /// shown, posted back) will be set aside.</summary>
    public bool ConfirmSetAside { get; set; }
    public int SetAsideShown { get; set; }

    /// <summary>Model binding drops rows it was not sent: the form always shows them all.</summary>
    public void FillRows()
    {
        while (Windows.Count < WindowRows) Windows.Add(new WindowRow());
        while (Quotas.Count < QuotaRows) Quotas.Add(new QuotaRow());
        while (SplitGroups.Count < SplitRows) SplitGroups.Add(new SplitGroupRow());
    }

    private static List<T> Rows<T>(int count) where T : new() => Enumerable.Range(0, count).Select(_ => new T()).ToList();
}

public sealed class WindowRow
{
    public Forms.DateParts From { get; set; } = new();
    public Forms.DateParts To { get; set; } = new();
}

/// <summary>A minimum quota: the values chosen ("rosh_level=very_high", all of one attribute) and the minimum.</summary>
public sealed class QuotaRow
{
    public List<string> Values { get; set; } = [];
    public string? Minimum { get; set; }
}

/// <summary>A group of the fixed split: its name, the values chosen (all of the split's one attribute) and weight.</summary>
public sealed class SplitGroupRow
{
    public string? Name { get; set; }
    public List<string> Values { get; set; } = [];
    public string? Weight { get; set; }
}
