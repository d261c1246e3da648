namespace Inspection.Evidence.Domain.Characteristics;

public static class CharacteristicUnit
{
    public const string Percent = "percent";
    public const string Count = "count";
}
