namespace Inspection.Admin.Pages.Providers;

/// <summary>What the _RegionInput partial draws: the region typed, the existing ones to choose from, and whether to ask for the tick.</summary>
public sealed record RegionInputView(string? Value, RegionChoice? Choice, bool Confirmed);
