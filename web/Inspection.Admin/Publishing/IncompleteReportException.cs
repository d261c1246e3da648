namespace Inspection.Admin.Publishing;

/// <summary>A published report was not printed because a service did not answer for one of its parts.</summary>
public sealed class IncompleteReportException(string message) : InvalidOperationException(message);
