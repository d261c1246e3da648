namespace Inspection.Scoring.Domain.Ratings;

/// <summary>A ratings panel's departure from the computed (or judged) rating of a standard: always with a written
/// rationale and who agreed it.</summary>
public sealed record PanelDeparture(string StandardId, string Rating, string Rationale, string AgreedBy, DateTimeOffset RecordedAt);
