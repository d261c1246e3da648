namespace Inspection.Recommendations.Application.Changes;

/// <summary>A watcher read too slowly and its backlog filled: its stream ends rather than silently skipping changes.</summary>
public sealed class WatcherFellBehindException(int backlog)
    : Exception($"The watcher fell more than {backlog} changes behind; watch again and re-read what it needs.");
