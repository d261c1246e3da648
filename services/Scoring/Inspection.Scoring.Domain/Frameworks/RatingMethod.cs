namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>How a standard gets its rating, as frameworks.json names it in <c>rating_method</c>.</summary>
public enum RatingMethod
{
    /// <summary>Computed, never rated (Outcomes, the 2024 outcomes heading).</summary>
    None,
    /// <summary>Band of the lowest key-question percentage (case standards from 2018 on).</summary>
    LowestKeyQuestion,
    /// <summary>Inspector judgement constrained by decision rules (domain one).</summary>
    InspectorJudgement,
    /// <summary>2008: 0.8 x mean of individual question proportions + 0.2 x summary question proportion.</summary>
    Average8020,
    /// <summary>2008 section 4: Well met / Satisfactorily met / Partly met / Not met.</summary>
    FourPoint,
}
