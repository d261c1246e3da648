namespace Inspection.Admin.Pages.PublishedFigures;

/// <summary>What the correction form posts: why, and the version the person reviewed.</summary>
public sealed class CorrectionInput
{
    public string? Reason { get; set; }
    public int ReviewedVersion { get; set; }
    public string? RequestId { get; set; }
}
