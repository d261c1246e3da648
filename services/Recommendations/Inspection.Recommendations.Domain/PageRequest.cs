using System.Globalization;

namespace Inspection.Recommendations.Domain;

/// <summary>Which page a list request asks for. The token is the position of the page's first item.</summary>
public sealed record PageRequest(int Size, int Offset)
{
    public const int DefaultSize = 100;
    public const int MaxSize = 1000;

    public static PageRequest Parse(int pageSize, string? pageToken, ICollection<FieldViolation> violations)
    {
        if (pageSize < 0) violations.Add(new FieldViolation("page_size", "must not be negative"));
        var size = pageSize <= 0 ? DefaultSize : Math.Min(pageSize, MaxSize);
        var offset = 0;
        if (!string.IsNullOrWhiteSpace(pageToken)
            && (!int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
            violations.Add(new FieldViolation("page_token", "not a token this service gave"));
        return new PageRequest(size, offset);
    }

    /// <summary>A page from up to Size + 1 fetched items: the extra one only says another page exists.</summary>
    public Page<T> ToPage<T>(IReadOnlyList<T> fetched) =>
        fetched.Count > Size
            ? new Page<T>(fetched.Take(Size).ToList(), (Offset + Size).ToString(CultureInfo.InvariantCulture))
            : new Page<T>(fetched, string.Empty);
}
