namespace Inspection.Admin.Pages.Providers;

/// <summary>What the retire form posts: why, and the version the provider was read at.</summary>
public sealed class RetireInput : IVersionedInput
{
    public string? Reason { get; set; }
    public long Version { get; set; }
    public string? RequestId { get; set; }
}
