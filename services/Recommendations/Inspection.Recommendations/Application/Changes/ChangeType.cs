namespace Inspection.Recommendations.Application.Changes;

/// <summary>The words a change event's type takes on the wire.</summary>
public static class ChangeType
{
    /// <summary>The first message of every watch: every change after it will be seen.</summary>
    public const string Subscribed = "subscribed";
    public const string InspectionPublished = "inspection_published";
    public const string ProgressJudgementRecorded = "progress_judgement_recorded";

    public static IReadOnlyList<string> Watchable { get; } = [InspectionPublished, ProgressJudgementRecorded];
}
