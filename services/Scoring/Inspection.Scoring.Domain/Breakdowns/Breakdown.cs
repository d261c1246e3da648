using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Domain.Breakdowns;

/// <summary>Each case key question split by the values of one case attribute (README section 8).</summary>
public sealed record Breakdown(string Attribute, IReadOnlyList<BreakdownRow> Rows)
{
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
            foreach (var group in question.Where(c => c.Count.Applicable > 0).OrderBy(c => c.Value, StringComparer.Ordinal))
            {
                var rest = new YesCount(totalYes - group.Count.Yes, totalApplicable - group.Count.Applicable);
                var groupRate = (double)group.Count.Yes / group.Count.Applicable;
                double? rri = rest.Applicable > 0 && rest.Yes > 0 ? groupRate / ((double)rest.Yes / rest.Applicable) : null;
                var p = FisherExactTest.TwoSidedP(group.Count.Yes, group.Count.Applicable - group.Count.Yes, rest.Yes, rest.Applicable - rest.Yes);
                // One test compares the group with the rest: too small to read when either side is, so the rows of
                // one 2x2 table (female against the rest, male against the rest) never read differently.
                rows.Add(new BreakdownRow(group.QuestionId, group.Value, group.Count, rest, rri, p,
                    group.Count.Applicable < BreakdownRow.SmallGroupBelow || rest.Applicable < BreakdownRow.SmallGroupBelow));
            }
        }
        return new Breakdown(attribute, rows);
    }
}
