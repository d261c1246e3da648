namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>
/// A recommendation's latest progress judgement at one inspection (<paramref name="JudgedAt"/>), the inspection that made
/// it (<paramref name="MadeAt"/>), and the standards it is linked to, by name: a standard of one programme meets the
/// same-named standard of the next, and a link to a key question counts as a link to its standard.
/// </summary>
public sealed record JudgementFacts(Guid RecommendationId, int Number, Guid MadeAt, Guid JudgedAt, string Judgement, IReadOnlyList<string> Standards);
