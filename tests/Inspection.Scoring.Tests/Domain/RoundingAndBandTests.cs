using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>Percentages are rounded half up to a whole number before banding, as the reports print them, and the
/// exact fraction is kept beside the rounded figure.</summary>
public sealed class RoundingAndBandTests
{
    private static readonly BandScale Bands = new(Frameworks.Pdu2021.QuestionBands);

    [Fact]
    public void Exactly_49_5_percent_rounds_up_to_50_and_is_Requires_improvement()
    {
        var count = new YesCount(99, 200);

        Assert.Equal(49.5, count.ExactPct);
        Assert.Equal(50, count.RoundedPct);
        Assert.Equal("Requires improvement", Bands.BandFor(count.RoundedPct!.Value).Rating);
    }

    [Fact]
    public void Exactly_79_4_percent_rounds_to_79_and_stays_Good()
    {
        var count = new YesCount(397, 500);

        Assert.Equal(79.4, count.ExactPct!.Value, 10);
        Assert.Equal(79, count.RoundedPct);
        Assert.Equal("Good", Bands.BandFor(79).Rating);
    }

    [Theory]
    [InlineData(1, 8, 13)]      // 12.5 -> 13
    [InlineData(30, 48, 63)]    // 62.5 -> 63: the 2022 report's 2.2.2
    [InlineData(129, 200, 65)]  // 64.5 -> 65
    [InlineData(159, 200, 80)]  // 79.5 -> 80
    [InlineData(2, 3, 67)]      // 66.67 -> 67
    [InlineData(1, 3, 33)]      // 33.33 -> 33
    [InlineData(0, 7, 0)]
    [InlineData(7, 7, 100)]
    public void Rounding_is_half_up_on_the_exact_fraction(int yes, int applicable, int expected) =>
        Assert.Equal(expected, YesCount.RoundHalfUp(yes, applicable));

    [Theory]
    [InlineData(0, "Inadequate")]
    [InlineData(49, "Inadequate")]
    [InlineData(50, "Requires improvement")]
    [InlineData(64, "Requires improvement")]
    [InlineData(65, "Good")]
    [InlineData(79, "Good")]
    [InlineData(80, "Outstanding")]
    [InlineData(100, "Outstanding")]
    public void Bands_come_from_the_framework_data(int pct, string rating) =>
        Assert.Equal(rating, Bands.BandFor(pct).Rating);

    [Fact]
    public void The_exact_fraction_is_kept_beside_the_rounded_percentage()
    {
        var result = InspectionRater.RateKeyQuestion(
            Frameworks.Pdu2021.FindKeyQuestion("2.2.2")!, Bands,
            RatingInputs.FromCases(new Dictionary<string, YesCount> { ["2.2.2"] = new(30, 48) }));

        Assert.Equal(new YesCount(30, 48), result.Count);
        Assert.Equal(62.5, result.ExactPct);
        Assert.Equal(63, result.RoundedPct);
        Assert.Equal("Requires improvement", result.Band);
        Assert.Equal("Good", result.NextBand);
        // 31/48 = 64.58 rounds to 65.
        Assert.Equal(1, result.YesNeededForNextBand);
    }

    [Fact]
    public void Wilson_interval_matches_the_closed_form()
    {
        // 11 of 48: p = 0.229; Wilson 95% = (13.31%, 36.54%).
        var interval = WilsonInterval.For(11, 48);

        Assert.Equal(13.31, interval.LowerPct, 2);
        Assert.Equal(36.54, interval.UpperPct, 2);
        Assert.Equal(0, WilsonInterval.For(0, 10).LowerPct, 10);
        Assert.Equal(100, WilsonInterval.For(10, 10).UpperPct, 10);
    }

    [Fact]
    public void A_percentage_whose_interval_crosses_a_band_boundary_is_borderline()
    {
        // 24/48 = 50%: interval about 36%-64%, crossing the 50 (49.5) edge.
        Assert.True(Bands.Crosses(WilsonInterval.For(24, 48)));
        // 5/48 = 10%: interval about 4.5%-22%, inside Inadequate.
        Assert.False(Bands.Crosses(WilsonInterval.For(5, 48)));
        // 1000 cases at 70%: interval about 67%-73%, inside Good.
        Assert.False(Bands.Crosses(WilsonInterval.For(700, 1000)));
    }

    [Fact]
    public void Yes_answers_needed_to_reach_the_next_band_use_the_same_rounding()
    {
        // 23/48 = 47.9%: 24/48 = 50% reaches Requires improvement.
        Assert.Equal(1, BandScale.YesNeeded(new YesCount(23, 48), 50));
        // 11/48 = 22.9%: 24/48 is the first at 50%.
        Assert.Equal(13, BandScale.YesNeeded(new YesCount(11, 48), 50));
        // Already there.
        Assert.Equal(0, BandScale.YesNeeded(new YesCount(24, 48), 50));
        // 0 of 1: turning the one No to Yes gives 100%.
        Assert.Equal(1, BandScale.YesNeeded(new YesCount(0, 1), 50));
    }
}
