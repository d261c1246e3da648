namespace Inspection.Admin.Pages.Providers;

/// <summary>What the new provider form posts.</summary>
public sealed class NewProviderInput
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Region { get; set; }
    public string? ActiveFrom { get; set; }
    public string? ActiveTo { get; set; }
    public string? RequestId { get; set; }
}
