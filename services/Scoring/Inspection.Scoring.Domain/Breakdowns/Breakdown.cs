using Inspection.Domain.Vocabularies;
using Inspection.Statistics.Comparisons;

namespace Inspection.Scoring.Domain.Breakdowns;

/// <summary>
/// Each case key question split by the values of one case attribute (README section 8). Every readable test on the
/// breakdown is one family: an inspector reads the whole page (every key question by one attribute) looking for any
/// difference, so the p-values are adjusted by Holm's method for that many <see cref="Comparisons"/>.
/// </summary>
public sealed record Breakdown(string Attribute, IReadOnlyList<BreakdownRow> Rows, int Comparisons)
{
    /// <summary>Holm's: a difference flagged here may be published as a finding about a group of people on probation, so
    /// the chance of even one chance finding on the page is held below 5%, whatever the dependence between key questions
    /// answered on the same cases.</summary>
    public AdjustmentMethod AdjustmentMethod => AdjustmentMethod.Holm;

    /// <summary>Attributes a breakdown can use: the sample's case attributes and the assessment's staff grade.</summary>
    public static IReadOnlyList<string> Attributes { get; } =
    [
        "gender", "ethnic_group", "rosh_level", "sentence_type", "stratum", "unpaid_work_only", "court_report",
        "statutory_victim_contact", "rosh_relevant", "staff_grade", "disability", "mappa_level", "prolific_priority_offender",
        "approved_premises_resident", "unpaid_work_requirement", "court_report_type", "allocated_office", "allocated_team",
    ];

    public static Breakdown Compute(Framework framework, string attribute, IReadOnlyList<GroupCount> counts)
    {
        var rows = new List<BreakdownRow>();
        var order = framework.CaseKeyQuestions.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        foreach (var question in counts.GroupBy(c => c.QuestionId).OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)))
        {
            var totalYes = question.Sum(c => c.Count.Yes);
            var totalApplicable = question.Sum(c => c.Count.Applicable);
            var groups = question.Where(c => c.Count.Applicable > 0).OrderBy(c => c.Value, StringComparer.Ordinal).ToList();
            BreakdownRow? first = null;
            foreach (var group in groups)
            {
                var rest = new YesCount(totalYes - group.Count.Yes, totalApplicable - group.Count.Applicable);
                // Two groups: the second against the rest is the first's 2x2 table read from the other side.
                var row = Row(group, rest, groups.Count == 2 ? first : null);
                rows.Add(row);
                first ??= row;
            }
        }
        return Adjusted(attribute, rows);
    }

    /// <param name="sameTest">The row whose 2x2 table this one reads from the other side: its p is taken as computed
    /// there, so the two rows carry one figure to the last digit.</param>
    private static BreakdownRow Row(GroupCount group, YesCount rest, BreakdownRow? sameTest)
    {
        var groupRate = (double)group.Count.Yes / group.Count.Applicable;
        double? rri = rest.Applicable > 0 && rest.Yes > 0 ? groupRate / ((double)rest.Yes / rest.Applicable) : null;
        var interval = rest.Applicable > 0 ? RateRatio.For(group.Count.Yes, group.Count.Applicable, rest.Yes, rest.Applicable) : null;
        var p = sameTest?.FisherP
            ?? FisherExactTest.TwoSidedP(group.Count.Yes, group.Count.Applicable - group.Count.Yes, rest.Yes, rest.Applicable - rest.Yes);
        // One test compares the group with the rest: too small to read when either side is, so the rows of
        // one 2x2 table (female against the rest, male against the rest) never read differently.
        return new BreakdownRow(group.QuestionId, group.Value, group.Count, rest, rri, p,
            group.Count.Applicable < BreakdownRow.SmallGroupBelow || rest.Applicable < BreakdownRow.SmallGroupBelow,
            interval, sameTest?.Value);
    }

    /// <summary>
    /// The comparisons are the readable tests, each table once; a small group's test is left out (its "too small to
    /// read" depends on the counts alone, decided before any p-value is seen). A row that repeats another's table
    /// carries that row's adjusted p.
    /// </summary>
    private static Breakdown Adjusted(string attribute, IReadOnlyList<BreakdownRow> rows)
    {
        var comparisons = rows.Where(r => r.IsComparison).ToList();
        var adjusted = PValueAdjustment.Holm(comparisons.Select(r => r.FisherP).ToList());
        var byTest = comparisons.Select((r, i) => (Key: (r.QuestionId, r.Value), P: adjusted[i])).ToDictionary(x => x.Key, x => x.P);
        var withAdjusted = rows
            .Select(r => r.SmallGroup ? r : r with { AdjustedP = byTest[(r.QuestionId, r.SameTestAs ?? r.Value)] })
            .ToList();
        return new Breakdown(attribute, withAdjusted, comparisons.Count);
    }
}
