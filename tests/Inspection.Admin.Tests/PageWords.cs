using System.Text.RegularExpressions;

namespace Inspection.Admin.Tests;

/// <summary>
/// What no page of the admin may show people (issue 14, extended to every page by issue 22): snake_case names, GUIDs,
/// ISO dates and their format, words of code and gRPC status codes; and how tall a page may be before it is a stack
/// of long pages.
/// </summary>
public static partial class PageWords
{
    public const int TallestPage = 6000;

    public static IReadOnlyList<string> CodesIn(string text) => Codes().Matches(text).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"\b[a-z]+_[a-z0-9_]+\b|(?i:\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b)|\b\d{4}-\d{2}-\d{2}\b|yyyy-MM-dd|\bnull\b|\bNaN\b|\bundefined\b|Exception|INVALID_ARGUMENT|FAILED_PRECONDITION|\b[A-Z]+_[A-Z_]+\b")]
    private static partial Regex Codes();
}
