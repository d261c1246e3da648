using Inspection.Recommendations.V1;

namespace Inspection.Admin.Presentation;

/// <summary>
/// Progress judgements by year of the judging inspection, as a stacked column chart (Pages/Shared/_ColumnChart.cshtml)
/// with the same numbers in a table beside it, so nothing is said by the picture alone.
/// </summary>
public sealed record ProgressOverTime(string Title, string Description, GetProgressSummaryResponse Summary)
{
    /// <summary>Fills per word of the scale: GOV.UK red, yellow and green for No, Some and Sufficient progress; the legend names each.</summary>
    public static string FillFor(string judgement) => TagColours.ChartFill(judgement) ?? "#505a5f";

    public int Max => Math.Max(1, Summary.Rows.Select(r => r.Total).DefaultIfEmpty(0).Max());

    /// <summary>
    /// Adds up one summary row per judging inspection into one per year (fieldwork start, else publication, as
    /// recommendation tracking's own "year" grouping dates an inspection). Rows of undated inspections go under "Undated".
    /// </summary>
    public static GetProgressSummaryResponse ByYear(IReadOnlyList<string> scale, IEnumerable<(string Year, ProgressSummaryRow Row)> rows)
    {
        var response = new GetProgressSummaryResponse();
        response.ProgressScale.AddRange(scale);
        var total = new Dictionary<string, int>();
        foreach (var year in rows.GroupBy(r => r.Year).OrderBy(g => g.Key.Length == 0 ? "~" : g.Key, StringComparer.Ordinal))
        {
            var counts = scale.ToDictionary(w => w, w => year.Sum(r => r.Row.Counts.Where(c => c.Judgement == w).Sum(c => c.Count)));
            response.Rows.Add(Row(year.Key, year.Key.Length == 0 ? "Undated" : year.Key, scale, counts));
            foreach (var (word, count) in counts) total[word] = total.GetValueOrDefault(word) + count;
        }
        response.Total = Row("total", "Total", scale, total);
        return response;
    }

    private static ProgressSummaryRow Row(string key, string label, IReadOnlyList<string> scale, IReadOnlyDictionary<string, int> counts)
    {
        var row = new ProgressSummaryRow { Key = key, Label = label, Total = counts.Values.Sum() };
        row.Counts.AddRange(scale.Select(w => new JudgementCount { Judgement = w, Count = counts.GetValueOrDefault(w) }));
        return row;
    }
}
