namespace Inspection.Admin.Presentation;

/// <summary>One row of an inspection's GOV.UK task list: its page, what state it is in, and a hint.</summary>
public sealed record InspectionTask(string Key, string Name, string? Href, string Status, string? TagClass, string Hint)
{
    /// <summary>Completed tasks show their status as plain text, the others as a tag (the GOV.UK task list pattern).</summary>
    public bool ShowAsTag => TagClass is not null;
}
