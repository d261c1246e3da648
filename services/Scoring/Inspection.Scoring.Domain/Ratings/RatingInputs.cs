using Inspection.Scoring.Domain.Assessments;

namespace Inspection.Scoring.Domain.Ratings;

/// <summary>Everything a rating is computed from: k and n per key question (counted by SQL) or the published figures,
/// panel departures, the domain-one judgements read from the evidence service, and for case assessments the sample's
/// design with each key question's answers by case.</summary>
public sealed record RatingInputs(
    ResultSource Source,
    IReadOnlyDictionary<string, YesCount> KeyQuestionCounts,
    PublishedResults Published,
    IReadOnlyDictionary<string, PanelDeparture> Departures,
    IReadOnlyDictionary<string, Judgement> Judgements)
{
    /// <summary>The design the current sample was drawn with; null for published figures or where it is unknown
    /// (the intervals are then Wilson's).</summary>
    public SampleDesign? Design { get; init; }

    /// <summary>Per key question, its applicable answers by case reference (true for Yes): the units the design-based
    /// interval is computed over. Empty where the design is unknown.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, bool>> ApplicableAnswers { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, bool>>();

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
