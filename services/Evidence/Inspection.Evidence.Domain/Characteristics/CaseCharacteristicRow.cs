namespace Inspection.Evidence.Domain.Characteristics;

/// <summary>
/// One row of the table. A computed row keeps its exact fraction (k of n sampled cases with the attribute
/// recorded) and prints the whole percentage; an entered row is the figure as given.
/// </summary>
public sealed record CaseCharacteristicRow(CaseCharacteristic Characteristic, decimal Value, string Source, Percentage? Fraction)
{
    public static CaseCharacteristicRow Entered(CaseCharacteristic characteristic, decimal value) =>
        new(characteristic, value, CharacteristicSource.Entered, null);

    public static CaseCharacteristicRow Computed(CaseCharacteristic characteristic, Percentage fraction) =>
        new(characteristic, fraction.Rounded, CharacteristicSource.ComputedFromSample, fraction);
}
