namespace Inspection.Scoring.Domain.Ratings;

/// <summary>A published key-question or prompt percentage as submitted, with n and k where the report gives them.</summary>
public sealed record PublishedFigureInput(string QuestionId, int Pct, int? Applicable = null, int? Yes = null);
