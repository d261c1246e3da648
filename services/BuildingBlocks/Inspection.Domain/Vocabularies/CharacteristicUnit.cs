namespace Inspection.Domain.Vocabularies;

/// <summary>The unit of a row of the case characteristics table (evidence.proto CaseCharacteristic.unit). Its words: <c>WireWords.CharacteristicUnits</c> in Inspection.Contracts.</summary>
public enum CharacteristicUnit
{
    Percent,
    Count,
}
