namespace Inspection.Domain.Vocabularies;

/// <summary>Where a row of the case characteristics table came from (evidence.proto CaseCharacteristic.source). Its words: <c>WireWords.CharacteristicSources</c> in Inspection.Contracts.</summary>
public enum CharacteristicSource
{
    ComputedFromSample,
    Entered,
}
