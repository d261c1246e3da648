using Inspection.Scoring.Domain.Breakdowns;
using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Tests.Domain;

public sealed class BreakdownTests
{
    [Fact]
    public void Fisher_exact_test_matches_the_textbook_tea_tasting_table()
    {
        // Fisher's lady tasting tea: [[3, 1], [1, 3]], two-sided p = 0.4857.
        Assert.Equal(0.485714, FisherExactTest.TwoSidedP(3, 1, 1, 3), 5);
        // [[1, 9], [11, 3]]: two-sided p = 0.002759 (R's fisher.test).
        Assert.Equal(0.002759, FisherExactTest.TwoSidedP(1, 9, 11, 3), 5);
        Assert.Equal(1.0, FisherExactTest.TwoSidedP(2, 2, 2, 2), 10);
    }

    [Fact]
    public void Each_group_is_compared_with_the_rest_of_the_sample()
    {
        var breakdown = Breakdown.Compute(Frameworks.Pdu2021, "gender",
        [
            new GroupCount("2.2.1", "female", new YesCount(1, 7)),
            new GroupCount("2.2.1", "male", new YesCount(25, 41)),
            new GroupCount("2.2.3", "female", new YesCount(1, 4)),
            new GroupCount("2.2.3", "male", new YesCount(10, 44)),
        ]);

        var women = breakdown.Rows.First(r => r.QuestionId == "2.2.1" && r.Value == "female");
        Assert.Equal(new YesCount(25, 41), women.Rest);
        // (1/7) / (25/41) = 0.234
        Assert.Equal(0.2343, women.RelativeRateIndex!.Value, 4);
        Assert.False(women.SmallGroup);
        Assert.True(women.FisherP < 0.05);
        Assert.True(women.Significant);

        var small = breakdown.Rows.First(r => r.QuestionId == "2.2.3" && r.Value == "female");
        Assert.True(small.SmallGroup);
        Assert.False(small.Significant);
        Assert.Equal(["2.2.1", "2.2.1", "2.2.3", "2.2.3"], breakdown.Rows.Select(r => r.QuestionId));
    }

    [Fact]
    public void No_relative_rate_index_when_the_rest_has_no_Yes_answers()
    {
        var breakdown = Breakdown.Compute(Frameworks.Pdu2021, "rosh_level",
            [new GroupCount("2.2.1", "high", new YesCount(3, 6)), new GroupCount("2.2.1", "low", new YesCount(0, 6))]);

        Assert.Null(breakdown.Rows.Single(r => r.Value == "high").RelativeRateIndex);
        Assert.Equal(0, breakdown.Rows.Single(r => r.Value == "low").RelativeRateIndex);
    }

    [Fact]
    public void One_test_never_reads_too_small_for_one_group_and_significant_for_the_other()
    {
        // 0 of 3 women against 40 of 40 men: one 2x2 table, Fisher's p far below 0.05, but the women are 3 cases,
        // so the men's row (whose rest is those 3) is too small to read as well, and neither says significant.
        var breakdown = Breakdown.Compute(Frameworks.Pdu2021, "gender",
            [new GroupCount("2.2.1", "female", new YesCount(0, 3)), new GroupCount("2.2.1", "male", new YesCount(40, 40))]);

        var women = breakdown.Rows.Single(r => r.Value == "female");
        var men = breakdown.Rows.Single(r => r.Value == "male");
        Assert.True(men.FisherP < 0.05);
        Assert.Equal(women.FisherP, men.FisherP, 12);
        Assert.Equal((true, false), (women.SmallGroup, women.Significant));
        Assert.Equal((true, false), (men.SmallGroup, men.Significant));
    }
}
