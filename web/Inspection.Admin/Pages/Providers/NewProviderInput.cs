namespace Inspection.Admin.Pages.Providers;

/// <summary>What the new provider form posts.</summary>
public sealed class NewProviderInput
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Region { get; set; }
    public bool ConfirmNewRegion { get; set; }
    public Forms.DateParts ActiveFrom { get; set; } = new();
    public Forms.DateParts ActiveTo { get; set; } = new();
    public string? RequestId { get; set; }
}
