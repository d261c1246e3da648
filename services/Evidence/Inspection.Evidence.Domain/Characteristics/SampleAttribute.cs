namespace Inspection.Evidence.Domain.Characteristics;

/// <summary>Case attributes the characteristics table can draw from the sample, named as case sampling names them.</summary>
public static class SampleAttribute
{
    public const string Gender = "gender";
    public const string EthnicGroup = "ethnic_group";
    public const string Disability = "disability";

    /// <summary>Values that say the attribute was not recorded: such cases leave the denominator.</summary>
    public static bool IsRecorded(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && !value.Equals("unknown", StringComparison.OrdinalIgnoreCase)
        && !value.Equals("not_known", StringComparison.OrdinalIgnoreCase)
        && !value.Equals("not_stated", StringComparison.OrdinalIgnoreCase)
        && !value.Equals("not_recorded", StringComparison.OrdinalIgnoreCase);
}
