namespace Inspection.Evidence.Domain;

/// <summary>
/// A share of a whole kept as its exact fraction (k of n) beside the whole number the reports print
/// (rounded half up, as published).
/// </summary>
public readonly record struct Percentage(int Numerator, int Denominator)
{
    public decimal Exact => Denominator == 0 ? 0m : Numerator * 100m / Denominator;

    public int Rounded => (int)Math.Round(Exact, 0, MidpointRounding.AwayFromZero);

    public override string ToString() => $"{Rounded}% ({Numerator} of {Denominator})";
}
