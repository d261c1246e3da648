using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Data;

/// <summary>An inspection's published figures as stored, with where they came from.</summary>
public sealed record StoredPublishedResults(
    string InspectionId,
    PublishedResults Results,
    string Source,
    string RecordedBy,
    DateTimeOffset RecordedAt);
