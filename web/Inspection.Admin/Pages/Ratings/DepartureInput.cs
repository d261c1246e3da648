namespace Inspection.Admin.Pages.Ratings;

/// <summary>What the panel departure form posts.</summary>
public sealed class DepartureInput
{
    public string? StandardId { get; set; }
    public string? Rating { get; set; }
    public string? Rationale { get; set; }
    public string? AgreedBy { get; set; }
    public string? RequestId { get; set; }
    /// <summary>Once the inspection is published: why its report changes.</summary>
    public string? CorrectionReason { get; set; }
}
