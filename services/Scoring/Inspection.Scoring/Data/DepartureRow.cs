using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Data;

/// <summary>A panel_departures row, as the departure store and the rating counts read it.</summary>
internal sealed record DepartureRow(string StandardId, string Rating, string Rationale, string AgreedBy, DateTime RecordedAt)
{
    public const string Columns =
        "standard_id AS StandardId, rating AS Rating, rationale AS Rationale, agreed_by AS AgreedBy, recorded_at AS RecordedAt";

    public PanelDeparture ToDomain() => new(StandardId, Rating, Rationale, AgreedBy, StoredValues.Instant(RecordedAt));
}
