namespace Inspection.Domain.Vocabularies;

/// <summary>The progress scale: how far a recommendation has been acted on (recommendations.proto ProgressJudgement.judgement). Its words: <c>WireWords.ProgressWords</c> in Inspection.Contracts.</summary>
public enum ProgressWord
{
    NoProgress,
    SomeProgress,
    SufficientProgress,
}
