using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Application;

/// <summary>An inspection's ratings with how many cases have an assessment, how the sample stands (cases in it,
/// complete and in-progress assessments of its cases), the corrections made since publication, and how many assessments
/// are set aside (kept, never counted).</summary>
public sealed record RatedInspection(
    string InspectionId,
    InspectionRatings Ratings,
    int CasesAssessed,
    int CasesInSample = 0,
    int CasesComplete = 0,
    int CasesInProgress = 0,
    IReadOnlyList<Correction>? Corrections = null,
    int CasesSetAside = 0);
