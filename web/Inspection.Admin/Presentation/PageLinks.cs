using System.Globalization;

namespace Inspection.Admin.Presentation;

/// <summary>
/// GOV.UK pagination for a list the services page by position: recommendation tracking's page token is the position
/// of the page's first item, so page n of size s starts at (n - 1) x s, and the list's total gives the last page.
/// </summary>
public sealed record PageLinks(int Page, int Pages, int PageSize, int Total, Func<int, string> HrefOf)
{
    /// <summary>Cases a page lists: a sample over 50 cases is paged (an 80-case sample was 8,702 px on one page).</summary>
    public const int CasesPerPage = 50;

    /// <summary>The page asked for by the query's <c>p</c>: never <c>page</c>, which Razor Pages binds from its route
    /// value (the page's own path), so a list bound to it always opened at page one.</summary>
    public static int FromQuery(int? page) => page is > 0 ? page.Value : 1;

    /// <summary>This page's items of a list held whole (a sample's cases).</summary>
    public IReadOnlyList<T> Of<T>(IEnumerable<T> all) => all.Skip((Math.Min(Page, Pages) - 1) * PageSize).Take(PageSize).ToList();

    public static string TokenFor(int page, int pageSize) =>
        page <= 1 ? "" : ((long)(page - 1) * pageSize).ToString(CultureInfo.InvariantCulture);

    public static PageLinks For(int page, int pageSize, int total, Func<int, string> hrefOf) =>
        new(page, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize)), pageSize, total, hrefOf);

    public int First => Total == 0 ? 0 : (Page - 1) * PageSize + 1;

    public int Last => Math.Min(Total, Page * PageSize);

    public bool BeyondTheEnd => Total > 0 && Page > Pages;

    /// <summary>The page numbers to show: the first, the last, and those next to the current one; null for an ellipsis.</summary>
    public IReadOnlyList<int?> Numbers()
    {
        var shown = Enumerable.Range(1, Pages).Where(n => n == 1 || n == Pages || Math.Abs(n - Page) <= 1).ToList();
        var numbers = new List<int?>();
        for (var i = 0; i < shown.Count; i++)
        {
            if (i > 0 && shown[i] - shown[i - 1] > 1) numbers.Add(null);
            numbers.Add(shown[i]);
        }
        return numbers;
    }
}
