using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Application;

/// <summary>An inspection's ratings with how many cases were assessed.</summary>
public sealed record RatedInspection(string InspectionId, InspectionRatings Ratings, int CasesAssessed);
