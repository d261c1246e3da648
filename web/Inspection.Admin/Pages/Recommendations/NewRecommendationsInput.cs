namespace Inspection.Admin.Pages.Recommendations;

/// <summary>What the add recommendations form posts: a fixed number of rows (no script adds more); empty rows are left out.</summary>
public sealed class NewRecommendationsInput
{
    public const int RowCount = 6;

    public List<NewRecommendationRow> Rows { get; set; } = Enumerable.Range(0, RowCount).Select(_ => new NewRecommendationRow()).ToList();
    public string? RequestId { get; set; }
    /// <summary>The inspection's version as read: recommendations added by someone else meanwhile make the service refuse (ABORTED).</summary>
    public long InspectionVersion { get; set; }
    /// <summary>Required once the inspection is published: the recommendations change its report, so they are added as a correction.</summary>
    public string? CorrectionReason { get; set; }
}

public sealed class NewRecommendationRow
{
    /// <summary>"addressee group|provider id", e.g. "hmpps|…".</summary>
    public string? Addressee { get; set; }
    public string? Text { get; set; }
}
