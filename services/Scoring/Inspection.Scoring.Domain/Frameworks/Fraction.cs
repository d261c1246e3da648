using System.Globalization;

namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>An exact rational number, so "2/27 is at most 1/6" is decided without floating-point error.</summary>
public readonly record struct Fraction(long Numerator, long Denominator) : IComparable<Fraction>
{
    public static Fraction Parse(string text)
    {
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        var numerator = long.Parse(parts[0], CultureInfo.InvariantCulture);
        var denominator = parts.Length == 2 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        if (denominator <= 0) throw new FormatException($"'{text}' is not a fraction with a positive denominator");
        return new Fraction(numerator, denominator);
    }

    public int CompareTo(Fraction other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;
    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;
    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public double Value => (double)Numerator / Denominator;

    public override string ToString() => $"{Numerator}/{Denominator}";
}
