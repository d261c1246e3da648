namespace Inspection.Scoring.Domain.Ratings;

/// <summary>A published standard rating as submitted.</summary>
public sealed record PublishedRatingInput(string StandardId, string Rating, string Note = "");
