namespace Inspection.Domain.Vocabularies;

/// <summary>A sampled case is active until a substitute replaces it (sampling.proto SampledCase.status). Its words: <c>WireWords.SampledCaseStatuses</c> in Inspection.Contracts.</summary>
public enum SampledCaseStatus
{
    Active,
    Replaced,
}
