namespace Inspection.Admin.Pages.Providers;

/// <summary>What the edit provider form posts: the provider as it should now read, and the version it was read at.</summary>
public sealed class EditProviderInput : IVersionedInput
{
    public string? Name { get; set; }
    public string? Region { get; set; }
    public bool ConfirmNewRegion { get; set; }
    public Forms.DateParts ActiveFrom { get; set; } = new();
    public Forms.DateParts ActiveTo { get; set; } = new();
    public long Version { get; set; }
    public string? RequestId { get; set; }
}
