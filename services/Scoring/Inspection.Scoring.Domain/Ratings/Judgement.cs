namespace Inspection.Scoring.Domain.Ratings;

/// <summary>An inspector's domain-one judgement as the evidence service holds it.</summary>
public sealed record Judgement(string StandardId, string Rating, string Rationale, string State, bool PanelDeparture, string AgreedBy)
{
    public const string Final = "final";

    public bool IsFinal => State == Final;

    /// <summary>A departure counts only with a rationale and who agreed it.</summary>
    public bool IsRecordedDeparture => PanelDeparture && !string.IsNullOrWhiteSpace(Rationale) && !string.IsNullOrWhiteSpace(AgreedBy);
}
