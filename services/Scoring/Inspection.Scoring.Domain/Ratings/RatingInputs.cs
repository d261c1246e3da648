namespace Inspection.Scoring.Domain.Ratings;

/// <summary>Everything a rating is computed from: k and n per key question (counted by SQL) or the published figures,
/// panel departures, and the domain-one judgements read from the evidence service.</summary>
public sealed record RatingInputs(
    ResultSource Source,
    IReadOnlyDictionary<string, YesCount> KeyQuestionCounts,
    PublishedResults Published,
    IReadOnlyDictionary<string, PanelDeparture> Departures,
    IReadOnlyDictionary<string, Judgement> Judgements)
{
    public static RatingInputs FromCases(
        IReadOnlyDictionary<string, YesCount> keyQuestionCounts,
        IReadOnlyDictionary<string, PanelDeparture>? departures = null,
        IReadOnlyDictionary<string, Judgement>? judgements = null) =>
        new(ResultSource.CaseAssessments, keyQuestionCounts, PublishedResults.Empty,
            departures ?? new Dictionary<string, PanelDeparture>(), judgements ?? new Dictionary<string, Judgement>());

    public static RatingInputs FromPublished(PublishedResults published) =>
        new(ResultSource.Published, new Dictionary<string, YesCount>(), published,
            new Dictionary<string, PanelDeparture>(), new Dictionary<string, Judgement>());
}
