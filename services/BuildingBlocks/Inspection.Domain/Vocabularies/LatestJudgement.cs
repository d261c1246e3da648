namespace Inspection.Domain.Vocabularies;

/// <summary>The recommendations filter on the latest progress judgement: a progress word, or none for never judged (recommendations.proto ListRecommendationsRequest.latest_judgement). Its words: <c>WireWords.LatestJudgements</c> in Inspection.Contracts.</summary>
public enum LatestJudgement
{
    NoProgress,
    SomeProgress,
    SufficientProgress,
    None,
}
