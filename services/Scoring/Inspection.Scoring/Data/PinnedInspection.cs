namespace Inspection.Scoring.Data;

/// <summary>An inspection this service holds data for: the framework version it is pinned to and where its figures come from.</summary>
public sealed record PinnedInspection(string InspectionId, string FrameworkId, string FrameworkVersion, string Source, string Definition)
{
    public const string CaseAssessments = "case_assessments";
    public const string Published = "published";
}
