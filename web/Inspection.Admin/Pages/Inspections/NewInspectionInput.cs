namespace Inspection.Admin.Pages.Inspections;

/// <summary>What the new inspection form posts.</summary>
public sealed class NewInspectionInput
{
    public string? ProviderId { get; set; }
    public string? FrameworkId { get; set; }
    public string? FieldworkStart { get; set; }
    public string? FieldworkEnd { get; set; }
    public string? LeadInspector { get; set; }
    public string? RequestId { get; set; }
}
