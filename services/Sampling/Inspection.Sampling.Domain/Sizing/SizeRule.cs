namespace Inspection.Sampling.Domain.Sizing;

/// <summary>Either a fixed size (PDU inspections used 42 to 48) or one computed for a confidence and margin.</summary>
public sealed record SizeRule(int? FixedSize, SizeForConfidence? Calculated)
{
    public static SizeRule Fixed(int size) => new(size, null);

    public static SizeRule For(SizeForConfidence confidence) => new(null, confidence);
}
