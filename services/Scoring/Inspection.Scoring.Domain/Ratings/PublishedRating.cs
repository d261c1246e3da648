namespace Inspection.Scoring.Domain.Ratings;

/// <summary>A published standard rating, with the report's note (e.g. the rationale for departing from a default).</summary>
public sealed record PublishedRating(string StandardId, string Rating, string Note = "");
