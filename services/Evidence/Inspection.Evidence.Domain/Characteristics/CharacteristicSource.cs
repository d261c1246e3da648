namespace Inspection.Evidence.Domain.Characteristics;

/// <summary>Where a row of the characteristics table came from: the table says which, row by row.</summary>
public static class CharacteristicSource
{
    public const string ComputedFromSample = "computed_from_sample";
    public const string Entered = "entered";
}
