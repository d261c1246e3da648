namespace Inspection.Evidence.Domain.Frameworks;

/// <summary>Orders standard ids as the frameworks number them ("1.2" before "1.10"; "P1.1" by its numbers).</summary>
public sealed class StandardIdOrder : IComparer<string>
{
    public static StandardIdOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var a = Parts(x);
        var b = Parts(y);
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var byNumber = a[i].Number.CompareTo(b[i].Number);
            if (byNumber != 0) return byNumber;
            var byText = string.CompareOrdinal(a[i].Text, b[i].Text);
            if (byText != 0) return byText;
        }
        return a.Length.CompareTo(b.Length);
    }

    private static (int Number, string Text)[] Parts(string? id) =>
        (id ?? "").Split('.').Select(part =>
        {
            var digits = new string(part.Where(char.IsDigit).ToArray());
            return (int.TryParse(digits, out var n) ? n : int.MaxValue, part);
        }).ToArray();
}
