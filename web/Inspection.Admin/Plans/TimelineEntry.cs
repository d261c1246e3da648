namespace Inspection.Admin.Plans;

/// <summary>One event of a recommendation's timeline: what, by whom, when (the day it happened, and the words shown for it), and what it said.</summary>
public sealed record TimelineEntry(DateOnly Day, string When, string Title, string? Byline, IReadOnlyList<string> Lines, string? TestId = null, string? IsoDay = null);
