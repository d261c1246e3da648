using Inspection.Admin.Pages.Providers;

namespace Inspection.Admin.Pages.Concerns;

/// <summary>What the close form posts: why, and the version the flag was read at.</summary>
public sealed class CloseConcernInput : IVersionedInput
{
    public string? Reason { get; set; }
    public long Version { get; set; }
    public string? RequestId { get; set; }
}
