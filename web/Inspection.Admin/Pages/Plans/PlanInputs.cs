using Inspection.Admin.Forms;

namespace Inspection.Admin.Pages.Plans;

/// <summary>The addressee's response as typed.</summary>
public sealed class ResponseInput
{
    public string? Answer { get; set; }
    public string? Reason { get; set; }
    public DateParts On { get; set; } = new();
}

/// <summary>A new action, or an action's wording, owner and status, as typed.</summary>
public sealed class ActionInput
{
    public string? Description { get; set; }
    public string? OwnerRole { get; set; }
    public string? OwnerName { get; set; }
    public DateParts Target { get; set; } = new();
    public string? Status { get; set; }
    public string? StatusReason { get; set; }
}

/// <summary>A dated update as typed.</summary>
public sealed class UpdateInput
{
    public string? Kind { get; set; }
    public DateParts On { get; set; } = new();
    public string? Author { get; set; }
    public string? Text { get; set; }
}

/// <summary>The addressee's reported status as typed.</summary>
public sealed class StatusInput
{
    public string? Word { get; set; }
    public DateParts On { get; set; } = new();
    public string? Note { get; set; }
}

/// <summary>A new target date and its reason as typed.</summary>
public sealed class RevisionInput
{
    public DateParts Target { get; set; } = new();
    public string? Reason { get; set; }
}
