namespace Inspection.Scoring.Data;

/// <summary>Orders question ids as the framework prints them: "2.2.1.p2" before "2.2.1.p10", "2.4.pc1" after "2.4.3".</summary>
public sealed class QuestionIdComparer : IComparer<string>
{
    public static QuestionIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = ComparePart(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }

    private static int ComparePart(string a, string b)
    {
        var (prefixA, numberA) = Split(a);
        var (prefixB, numberB) = Split(b);
        var byPrefix = string.CompareOrdinal(prefixA, prefixB);
        return byPrefix != 0 ? byPrefix : numberA.CompareTo(numberB);
    }

    private static (string Prefix, long Number) Split(string part)
    {
        var digits = part.Length;
        while (digits > 0 && char.IsAsciiDigit(part[digits - 1])) digits--;
        return digits == part.Length ? (part, -1) : (part[..digits], long.Parse(part[digits..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
