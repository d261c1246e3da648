using Inspection.OpenData.V1;
using Inspection.Statistics.Comparisons;

namespace Inspection.Admin.Presentation;

/// <summary>
/// The pictures of the national open data (issue 25, item 5), drawn by the one server-rendered SVG chart
/// (Pages/Shared/_BarChart.cshtml, no script) and always followed by a table of the same figures: a provider's
/// ratings over time (through its predecessors), the national distribution of ratings by standard, and the
/// implementation rate by year. The figures are the open data's, as anyone reads them over HTTP.
/// </summary>
public static class RatingCharts
{
    /// <summary>The rating words, best first, as the frameworks spell them (court work's Not applicable is no rating).</summary>
    public static readonly IReadOnlyList<string> RatingWords =
        [Rating.Outstanding.Word(), Rating.Good.Word(), Rating.RequiresImprovement.Word(), Rating.Inadequate.Word()];

    /// <summary>One published inspection of the provider or a predecessor, with its rows, oldest first.</summary>
    public static IReadOnlyList<IGrouping<string, RatingHistoryRow>> Inspections(IEnumerable<RatingHistoryRow> rows) =>
        rows.GroupBy(r => r.InspectionId).OrderBy(g => g.First().PublishedOn, StringComparer.Ordinal).ToList();

    public static string InspectionLabel(RatingHistoryRow row) => $"{row.ProviderName}, {DisplayDate.Format(row.PublishedOn)}";

    public static BarChart ProviderOverTime(string providerName, IEnumerable<RatingHistoryRow> rows) => new(
        $"Ratings of {providerName} and its predecessors over time",
        "For each published inspection, oldest first, how many standards were rated Outstanding, Good, Requires improvement and Inadequate.",
        RatingWords,
        Inspections(rows).Select(g => new BarGroup(InspectionLabel(g.First()),
            RatingWords.Select(w => (double)g.Count(r => r.Rating.Is(w.As<Rating>()!.Value))).ToList())).ToList());

    /// <summary>Each programme's standards with how many published inspections rated each one each word.</summary>
    public static IReadOnlyList<(string FrameworkId, IReadOnlyList<(string StandardId, string Standard, IReadOnlyList<int> Counts)> Standards)> Distribution(
        IEnumerable<RatingHistoryRow> rows) =>
        rows.GroupBy(r => r.FrameworkId).OrderBy(g => g.Min(r => r.PublishedOn), StringComparer.Ordinal)
            .Select(f => (f.Key, (IReadOnlyList<(string, string, IReadOnlyList<int>)>)f.GroupBy(r => r.StandardId)
                .Select(s => (s.Key, s.First().StandardName, (IReadOnlyList<int>)RatingWords.Select(w => s.Count(r => r.Rating.Is(w.As<Rating>()!.Value))).ToList()))
                .ToList()))
            .ToList();

    public static BarChart DistributionChart(string frameworkId, IReadOnlyList<(string StandardId, string Standard, IReadOnlyList<int> Counts)> standards) => new(
        $"Ratings by standard, {FrameworkTitles.Of(frameworkId)}",
        "For each standard, how many published inspections rated it Outstanding, Good, Requires improvement and Inadequate.",
        RatingWords,
        standards.Select(s => new BarGroup($"{s.StandardId} {s.Standard}", s.Counts.Select(c => (double)c).ToList())).ToList());

    /// <summary>Every addressee and region of a year together: judged, judged Sufficient progress, the share and its
    /// 95% Wilson interval (Inspection.Statistics, as the services compute it).</summary>
    public sealed record YearRate(int Year, int Made, int Judged, int Sufficient)
    {
        public double RatePct => Judged == 0 ? 0 : Math.Round(100.0 * Sufficient / Judged, 1, MidpointRounding.AwayFromZero);

        public (double Lower, double Upper)? Interval => Judged == 0 ? null :
            ProportionDifference.Estimate.Wilson(Sufficient, Judged) is var e
                ? (Math.Round(e.Lower * 100, 1, MidpointRounding.AwayFromZero), Math.Round(e.Upper * 100, 1, MidpointRounding.AwayFromZero))
                : null;
    }

    public static IReadOnlyList<YearRate> ByYear(IEnumerable<ImplementationRate> rates) =>
        rates.GroupBy(r => r.YearMade).OrderBy(g => g.Key)
            .Select(g => new YearRate(g.Key, g.Sum(r => r.Made), g.Sum(r => r.Judged), g.Sum(r => r.Sufficient))).ToList();

    public static BarChart ImplementationChart(IReadOnlyList<YearRate> years) => new(
        "Recommendations judged Sufficient progress at the next inspection, by year made",
        "For each year recommendations were made, the percentage of those judged at the next inspection that were judged Sufficient progress.",
        ["Judged Sufficient progress"],
        years.Where(y => y.Judged > 0).Select(y => new BarGroup(y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), [y.RatePct])).ToList(),
        "%");
}
