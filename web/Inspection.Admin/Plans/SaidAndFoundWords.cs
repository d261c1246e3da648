using System.Globalization;
using Inspection.Recommendations.V1;

namespace Inspection.Admin.Plans;

/// <summary>What providers said against what was found, in words: "2 of 3 (67%)" and the sentence that explains a row.</summary>
public static class SaidAndFoundWords
{
    public static string Share(SaidAgainstFoundRow row) =>
        $"{row.ThenJudgedNoOrSomeProgress} of {row.ReportedCompleteOrOnTrack} ({Percent(row.Share)})";

    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A region row's name: national bodies have none.</summary>
    public static string Region(SaidAgainstFoundRow row) => row.Key.Length == 0 ? "No region (national bodies)" : row.Label;

    public static string Sentence(SaidAgainstFoundRow total) =>
        total.ReportedCompleteOrOnTrack == 0
            ? "No recommendation was reported complete or on track before its progress was judged."
            : $"Of the {Recommendations(total.ReportedCompleteOrOnTrack)} providers reported complete or on track before the next inspection looked, "
              + $"{total.ThenJudgedNoOrSomeProgress} ({Percent(total.Share)}) {(total.ThenJudgedNoOrSomeProgress == 1 ? "was" : "were")} then judged no progress or some progress.";

    private static string Recommendations(int count) => count == 1 ? "1 recommendation" : $"{count} recommendations";
}
