namespace Inspection.Admin.Presentation;

/// <summary>
/// What a server-rendered SVG bar chart draws: groups (rows) of bars, one bar per series. Drawn by
/// Pages/Shared/_BarChart.cshtml; every chart is followed by a table of the same numbers, so nothing is said by
/// the picture alone.
/// </summary>
public sealed record BarChart(string Title, string Description, IReadOnlyList<string> Series, IReadOnlyList<BarGroup> Groups, string Unit = "")
{
    public double Max => Math.Max(1, Groups.SelectMany(g => g.Values).DefaultIfEmpty(0).Max());

    /// <summary>Fills per series: GOV.UK colours, each series also told apart by its label and a pattern-free legend with words.</summary>
    public static readonly IReadOnlyList<string> Fills = ["#1d70b8", "#f47738", "#00703c", "#d4351c", "#4c2c92", "#505a5f"];

    /// <summary>A series' fill: a rating or progress word in its tag's colour (TagColours), any other series by position.</summary>
    public string FillFor(int series) => TagColours.ChartFill(Series[series]) ?? Fills[series % Fills.Count];
}

public sealed record BarGroup(string Label, IReadOnlyList<double> Values);
