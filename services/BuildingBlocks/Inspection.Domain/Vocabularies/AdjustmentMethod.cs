namespace Inspection.Domain.Vocabularies;

/// <summary>How p-values are adjusted for the number of comparisons read together (scoring.proto Breakdown.adjustment_method).
/// Its words: <c>WireWords.AdjustmentMethods</c> in Inspection.Contracts.</summary>
public enum AdjustmentMethod
{
    /// <summary>Holm's step-down: the chance of any difference flagged by chance stays below the level.</summary>
    Holm,

    /// <summary>Benjamini and Hochberg's step-up: the expected share of flagged differences that are chance stays below the level.</summary>
    BenjaminiHochberg,
}
