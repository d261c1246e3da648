namespace Inspection.Admin.Pages.Evidence;

/// <summary>What the withdrawal form posts.</summary>
public sealed class WithdrawInput
{
    public string? Reason { get; set; }
    public long Version { get; set; }
    public string? RequestId { get; set; }
}
