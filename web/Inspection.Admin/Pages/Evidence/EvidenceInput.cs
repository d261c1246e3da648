namespace Inspection.Admin.Pages.Evidence;

/// <summary>What the add and change forms of an evidence item post.</summary>
public sealed class EvidenceInput
{
    public string? Target { get; set; }
    public string? Source { get; set; }
    public Forms.DateParts Date { get; set; } = new();
    public string? Summary { get; set; }
    public string? Finding { get; set; }
    public string? Cases { get; set; }
    public string? RequestId { get; set; }
    /// <summary>The item's version as read (changes only): a mismatch is refused, so nobody overwrites someone else unseen.</summary>
    public long Version { get; set; }
}
