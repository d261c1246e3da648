namespace Inspection.Scoring.Domain.Ratings;

/// <summary>
/// The version of the rating method: which cases count and how every figure is worked out from them. It is stored
/// with a published inspection's figures, so a later reader knows which rules gave them. Raised by hand whenever a
/// change could give a different figure from the same answers, judgements and framework; the scoring README lists
/// what each version changed. (The framework's own version, its SHA-256, is stored beside it.)
/// </summary>
public static class ScoringMethod
{
    /// <summary>3: issue 19, only the current sample's active cases count (2: issue 14, complete assessments and
    /// the deciding key question's borderline; 1: the first rules).</summary>
    public const string Version = "3";
}
