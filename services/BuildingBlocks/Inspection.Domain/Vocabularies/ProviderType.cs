namespace Inspection.Domain.Vocabularies;

/// <summary>The kinds of provider in the register (recommendations.proto Provider.type). Its words: <c>WireWords.ProviderTypes</c> in Inspection.Contracts.</summary>
public enum ProviderType
{
    Pdu,
    Region,
    NpsDivision,
    Crc,
    ProbationArea,
    NationalBody,
}
