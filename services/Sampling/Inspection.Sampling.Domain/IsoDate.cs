using System.Globalization;

namespace Inspection.Sampling.Domain;

/// <summary>Dates travel as "yyyy-MM-dd" and nothing else, so every machine reads them the same way.</summary>
public static class IsoDate
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Print(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
