namespace Inspection.Admin.Pages.Evidence;

/// <summary>What the staffing return form posts: the date the figures relate to and each figure as typed (empty: not returned).</summary>
public sealed class StaffingInput
{
    public Forms.DateParts AsAt { get; set; } = new();
    public Dictionary<string, string?> Figures { get; set; } = [];
    public string? RequestId { get; set; }
}
