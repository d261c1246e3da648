namespace Inspection.Domain.Vocabularies;

/// <summary>How the progress summary groups its rows (recommendations.proto GetProgressSummaryRequest.group_by). Its words: <c>WireWords.ProgressGroupings</c> in Inspection.Contracts.</summary>
public enum ProgressGrouping
{
    Inspection,
    Provider,
    Region,
    Addressee,
    Year,
}
