using Inspection.Scoring.Domain.Omi;

namespace Inspection.Scoring.Domain.Ratings;

/// <summary>Every rating of one inspection, computed under its (pinned) framework.</summary>
public sealed record InspectionRatings(
    string FrameworkId,
    string FrameworkVersion,
    ResultSource Source,
    IReadOnlyList<StandardResult> Standards,
    OverallResult? Overall,
    OmiResults? Omi,
    bool CanPublish,
    IReadOnlyList<string> Blockers);
