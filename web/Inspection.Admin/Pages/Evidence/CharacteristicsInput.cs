namespace Inspection.Admin.Pages.Evidence;

/// <summary>What the characteristics form posts: whether to compute what the sample carries, and each entered figure as typed.</summary>
public sealed class CharacteristicsInput
{
    public bool ComputeFromSample { get; set; }
    public Dictionary<string, string?> Values { get; set; } = [];
    public string? RequestId { get; set; }
}
