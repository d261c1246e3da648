using System.Globalization;

namespace Inspection.Recommendations.Domain.Progress;

/// <summary>
/// Counts of progress judgements by word of the scale. Only the standing judgement counts: where a judgement at an
/// inspection was revised, the latest revision replaces the earlier ones.
/// </summary>
public sealed record ProgressSummary(IReadOnlyList<string> Scale, IReadOnlyList<ProgressSummaryRow> Rows, ProgressSummaryRow Total)
{
    public static ProgressSummary Count(IEnumerable<ProgressFact> facts, SummaryGrouping grouping, ProgressScale scale)
    {
        var standing = facts
            .GroupBy(f => (f.Judgement.RecommendationId, f.Judgement.InspectionId))
            .Select(g => g.MaxBy(f => f.Judgement.Sequence)!)
            .ToList();
        // Words off this scale (a judgement under another framework's scale) still count, after the scale's own.
        var words = scale.Words.Concat(standing.Select(f => f.Judgement.Judgement)).Distinct(StringComparer.Ordinal).ToList();

        var rows = standing
            .GroupBy(f => KeyOf(f, grouping))
            .OrderBy(g => g.Key.Order, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Label, StringComparer.Ordinal)
            .Select(g => Row(g.Key.Key, g.Key.Label, g, words))
            .ToList();
        return new ProgressSummary(words, rows, Row("total", "Total", standing, words));
    }

    public int CountOf(string judgement) => Total.CountOf(judgement);

    private static (string Key, string Label, string Order) KeyOf(ProgressFact fact, SummaryGrouping grouping)
    {
        if (grouping == SummaryGrouping.Provider)
            return (Identifier.Format(fact.AddresseeProviderId), fact.AddresseeName, string.Empty);
        if (grouping == SummaryGrouping.Region)
            return (fact.AddresseeRegion, fact.AddresseeRegion.Length > 0 ? fact.AddresseeRegion : "National", fact.AddresseeRegion);
        if (grouping == SummaryGrouping.Addressee)
            return (fact.AddresseeGroup.Word, fact.AddresseeGroup.Description, fact.AddresseeGroup.Rank.ToString("D2", CultureInfo.InvariantCulture));
        if (grouping == SummaryGrouping.Year)
        {
            var year = fact.JudgingInspectionDate?.Year.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            return (year, year.Length > 0 ? year : "Undated", year.Length > 0 ? year : "~");
        }
        // Over time: inspections in calendar order.
        return (Identifier.Format(fact.Judgement.InspectionId), fact.JudgingInspectionLabel, fact.JudgingInspectionDate is { } date ? CalendarDate.ToText(date) : string.Empty);
    }

    private static ProgressSummaryRow Row(string key, string label, IEnumerable<ProgressFact> facts, IReadOnlyList<string> words)
    {
        var counts = facts.GroupBy(f => f.Judgement.Judgement).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ProgressSummaryRow(key, label, words.Select(w => new JudgementCount(w, counts.GetValueOrDefault(w))).ToList());
    }
}
