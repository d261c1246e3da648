namespace Inspection.Admin.Pages.Evidence;

/// <summary>What the survey result form posts; numbers as typed, checked before sending.</summary>
public sealed class SurveyInput
{
    public string? Survey { get; set; }
    public string? Question { get; set; }
    public string? Respondents { get; set; }
    public string? Agreeing { get; set; }
    /// <summary>Optional: "standard" or "standard|key question" the result informs.</summary>
    public string? Target { get; set; }
    public string? RequestId { get; set; }
}
