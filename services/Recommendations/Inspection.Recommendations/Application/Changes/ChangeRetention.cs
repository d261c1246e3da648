namespace Inspection.Recommendations.Application.Changes;

/// <summary>How long the change log keeps a change (configuration Changes:KeepDays, 30 by default): a watcher can resume that far back.</summary>
public sealed record ChangeRetention(TimeSpan Keep)
{
    public static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
}
