namespace Inspection.Domain.Vocabularies;

/// <summary>Whether (and how) a case of a caseload is in the sample (sampling.proto PopulationCase.sample_role; "" is not in it). Its words: <c>WireWords.SampleRoles</c> in Inspection.Contracts.</summary>
public enum SampleRole
{
    None,
    Sampled,
    Reserve,
}
