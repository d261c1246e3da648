namespace Inspection.Domain.Vocabularies;

/// <summary>How a standard's rating was reached (scoring.proto rating_method; "" is not rated). Its words: <c>WireWords.RatingMethods</c> in Inspection.Contracts.</summary>
public enum RatingMethod
{
    NotRated,
    LowestKeyQuestion,
    InspectorJudgement,
    Average8020,
    FourPoint,
}
