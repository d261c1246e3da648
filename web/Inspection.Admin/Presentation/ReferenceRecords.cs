namespace Inspection.Admin.Presentation;

/// <summary>
/// Records the services loaded from the reference inspections' published reports (their demo data) rather than
/// made by a member of staff: they are attributed to the report and dated as it was published, not by the loader's
/// name on the day it ran (issue 22).
/// </summary>
public static class ReferenceRecords
{
    /// <summary>The "recorded by" every service's demo data loader writes.</summary>
    public const string Loader = "demo-data";

    public const string Attribution = "from the published report";

    public static bool FromPublishedReport(string? recordedBy) => string.Equals(recordedBy, Loader, StringComparison.Ordinal);
}
