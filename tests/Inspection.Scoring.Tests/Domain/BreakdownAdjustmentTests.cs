using Inspection.Domain.Vocabularies;
using Inspection.Scoring.Domain.Breakdowns;
using Inspection.Scoring.Domain.Ratings;
using Inspection.Statistics.Comparisons;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>
/// Issue 21: the breakdown's relative rate index carries Katz's interval, its p-values are adjusted by Holm's method
/// over every readable comparison on the page, and a question with two groups counts its one test once.
/// </summary>
public sealed class BreakdownAdjustmentTests
{
    // Three questions by risk of serious harm level: 2.2.1 has three groups (three tests); 2.2.3 has a group of 3
    // (too small to read, so two tests); 2.3.1 has two groups (one test read from both sides). Six comparisons.
    private static readonly Breakdown ByRoshLevel = Breakdown.Compute(Frameworks.Pdu2021, "rosh_level",
    [
        new GroupCount("2.2.1", "high", new YesCount(2, 10)),
        new GroupCount("2.2.1", "low", new YesCount(9, 10)),
        new GroupCount("2.2.1", "medium", new YesCount(8, 10)),
        new GroupCount("2.2.3", "high", new YesCount(1, 3)),
        new GroupCount("2.2.3", "low", new YesCount(6, 10)),
        new GroupCount("2.2.3", "medium", new YesCount(7, 10)),
        new GroupCount("2.3.1", "high", new YesCount(9, 10)),
        new GroupCount("2.3.1", "low", new YesCount(2, 10)),
    ]);

    private static BreakdownRow Row(string question, string value) =>
        ByRoshLevel.Rows.Single(r => r.QuestionId == question && r.Value == value);

    [Fact]
    public void The_adjusted_p_values_are_Holms_over_the_readable_comparisons_of_the_whole_breakdown()
    {
        string[] family = ["2.2.1 high", "2.2.1 low", "2.2.1 medium", "2.2.3 low", "2.2.3 medium", "2.3.1 high"];
        var comparisons = ByRoshLevel.Rows.Where(r => r.IsComparison).ToList();

        Assert.Equal(family, comparisons.Select(r => $"{r.QuestionId} {r.Value}"));
        Assert.Equal((6, AdjustmentMethod.Holm), (ByRoshLevel.Comparisons, ByRoshLevel.AdjustmentMethod));
        var holm = PValueAdjustment.Holm(comparisons.Select(r => r.FisherP).ToList());
        Assert.Equal(holm, comparisons.Select(r => r.AdjustedP!.Value));
        // R: p.adjust(c(fisher.test(...)$p.value, ...), "holm") on the same six tables.
        double[] r = [0.0058454289338847158, 0.1940524243372820090, 0.7394203996902645182, 1, 1, 0.0273874732079066457];
        Assert.All(comparisons.Zip(r), c => Assert.True(Math.Abs(c.First.AdjustedP!.Value - c.Second) < 1e-9, $"{c.First.QuestionId} {c.First.Value}: {c.First.AdjustedP} against R's {c.Second}"));
    }

    [Fact]
    public void A_small_group_is_not_compared_and_has_no_adjusted_p()
    {
        var small = Row("2.2.3", "high");

        Assert.True(small.SmallGroup);
        Assert.Null(small.AdjustedP);
        Assert.False(small.SignificantAfterAdjustment);
    }

    [Fact]
    public void A_question_with_two_groups_gives_one_test_shown_on_the_first_row_and_referred_to_by_the_second()
    {
        var high = Row("2.3.1", "high");
        var low = Row("2.3.1", "low");

        Assert.Null(high.SameTestAs);
        Assert.Equal("high", low.SameTestAs);
        Assert.False(low.IsComparison);
        Assert.Equal(high.FisherP, low.FisherP);
        Assert.Equal(high.AdjustedP, low.AdjustedP);
        Assert.Equal(high.SignificantAfterAdjustment, low.SignificantAfterAdjustment);

        var byGender = Breakdown.Compute(Frameworks.Pdu2021, "gender",
            [new GroupCount("2.2.1", "female", new YesCount(1, 7)), new GroupCount("2.2.1", "male", new YesCount(25, 41))]);
        Assert.Equal(1, byGender.Comparisons);
        // One comparison: Holm's adjustment leaves its p as it is.
        Assert.All(byGender.Rows, r => Assert.Equal(r.FisherP, r.AdjustedP!.Value, 15));
        Assert.Equal([null, "female"], byGender.Rows.Select(r => r.SameTestAs));
    }

    [Fact]
    public void Significant_means_after_adjustment_while_significant_keeps_its_unadjusted_meaning()
    {
        // Low risk on 2.2.1: Fisher's p = 0.0485 alone, 0.194 once six comparisons are allowed for.
        var low = Row("2.2.1", "low");
        Assert.Equal(0.0485131060843205023, low.FisherP, 9);
        Assert.Equal((true, false), (low.Significant, low.SignificantAfterAdjustment));

        // High risk on 2.2.1 (p = 0.00097, adjusted 0.0058) and the two-group 2.3.1 (0.0055, adjusted 0.027) stand.
        Assert.True(Row("2.2.1", "high").SignificantAfterAdjustment);
        Assert.True(Row("2.3.1", "high").SignificantAfterAdjustment);
        Assert.True(Row("2.3.1", "low").SignificantAfterAdjustment);
        Assert.Equal(3, ByRoshLevel.Rows.Count(r => r.SignificantAfterAdjustment));
    }

    [Fact]
    public void The_relative_rate_index_carries_Katzs_interval_against_the_rest()
    {
        foreach (var row in ByRoshLevel.Rows)
        {
            var expected = RateRatio.For(row.Group.Yes, row.Group.Applicable, row.Rest.Yes, row.Rest.Applicable);
            Assert.Equal(expected, row.RateInterval);
            Assert.Equal(row.RelativeRateIndex!.Value, row.RateInterval!.Value.Ratio, 12);
            Assert.InRange(row.RelativeRateIndex.Value, row.RateInterval.Value.Lower, row.RateInterval.Value.Upper);
        }
        // (2/10) / (17/20) = 0.235; log ratio +/- 1.96 x sqrt(1/2 - 1/10 + 1/17 - 1/20).
        var high = Row("2.2.1", "high").RateInterval!.Value;
        var halfWidth = 1.959963984540054 * Math.Sqrt(1.0 / 2 - 1.0 / 10 + 1.0 / 17 - 1.0 / 20);
        Assert.Equal(0.2 / 0.85 * Math.Exp(-halfWidth), high.Lower, 12);
        Assert.Equal(0.2 / 0.85 * Math.Exp(halfWidth), high.Upper, 12);
    }

    [Fact]
    public void No_interval_when_the_group_or_the_rest_has_no_Yes_answers()
    {
        var breakdown = Breakdown.Compute(Frameworks.Pdu2021, "rosh_level",
            [new GroupCount("2.2.1", "high", new YesCount(3, 6)), new GroupCount("2.2.1", "low", new YesCount(0, 6))]);

        Assert.All(breakdown.Rows, r => Assert.Null(r.RateInterval));
        // One group only: the rest is empty, so there is no interval and nothing to compare.
        var alone = Breakdown.Compute(Frameworks.Pdu2021, "sentence_type", [new GroupCount("2.2.1", "community_order", new YesCount(6, 12))]);
        Assert.Null(alone.Rows.Single().RateInterval);
        Assert.True(alone.Rows.Single().SmallGroup);
        Assert.Equal(0, alone.Comparisons);
    }
}
