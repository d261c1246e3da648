namespace Inspection.Admin.Pages.Inspections;

/// <summary>What the new inspection form posts.</summary>
public sealed class NewInspectionInput
{
    public string? ProviderId { get; set; }
    public string? FrameworkId { get; set; }
    public Forms.DateParts FieldworkStart { get; set; } = new();
    public Forms.DateParts FieldworkEnd { get; set; } = new();
    public string? LeadInspector { get; set; }
    public string? RequestId { get; set; }
}
