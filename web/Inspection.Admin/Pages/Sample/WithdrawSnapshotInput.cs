namespace Inspection.Admin.Pages.Sample;

/// <summary>What the withdraw snapshot form posts.</summary>
public sealed class WithdrawSnapshotInput
{
    public string? Reason { get; set; }
    public string? RequestId { get; set; }
}
