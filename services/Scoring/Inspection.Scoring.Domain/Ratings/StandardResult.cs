namespace Inspection.Scoring.Domain.Ratings;

/// <summary>
/// One standard's result: its key questions, the computed rating (band of the lowest key question), borderline flag,
/// Yes answers needed for the next band, the final rating with any panel departure, and for domain one the
/// inspector's judgement and what each decision rule allows or suggests. Borderline: the deciding (lowest) key
/// question's 95% Wilson interval crosses an edge of the band the standard is rated in; <c>BorderlineReason</c> says which,
/// in words. <c>DesignBorderline</c> and its reason: the same on the design-based interval (<see cref="DesignInterval"/>).
/// </summary>
public sealed record StandardResult(
    Standard Standard,
    IReadOnlyList<KeyQuestionResult> KeyQuestions,
    bool Applicable,
    string? ComputedRating,
    bool Borderline,
    string? NextBand,
    int? YesNeededForNextBand,
    string? FinalRating,
    PanelDeparture? Departure,
    Judgement? Judgement,
    PublishedRating? Published,
    IReadOnlyList<DecisionRuleOutcome> Rules,
    bool RatedForPublication,
    string? BorderlineReason = null,
    bool DesignBorderline = false,
    string? DesignBorderlineReason = null)
{
    /// <summary>Counts towards the overall score: rated by the framework and applicable to this inspection.</summary>
    public bool Scored => Standard.Rated && Applicable && Standard.Method is RatingMethod.LowestKeyQuestion or RatingMethod.InspectorJudgement;

    public bool HasBreach => Rules.Any(r => r.Breach);
}
