namespace Inspection.Domain.Vocabularies;

/// <summary>How a sampled case was chosen (sampling.proto SampledCase.selected_by). Its words: <c>WireWords.SelectedByWords</c> in Inspection.Contracts.</summary>
public enum SelectedBy
{
    Quota,
    Proportional,
    Split,
    Substitute,
}
