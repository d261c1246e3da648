using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>Overall rating by exact fraction of the maximum: up to 1/6 Inadequate, up to 1/2 Requires improvement, up
/// to 5/6 Good, above that Outstanding.</summary>
public sealed class OverallRatingTests
{
    private static readonly OverallRule Rule = Frameworks.Pdu2021.Overall!;

    [Theory]
    [InlineData(2, 27, "Inadequate")]
    [InlineData(4, 24, "Inadequate")]            // exactly 1/6
    [InlineData(5, 27, "Requires improvement")]  // 0.185
    [InlineData(5, 24, "Requires improvement")]
    [InlineData(12, 24, "Requires improvement")] // exactly 1/2
    [InlineData(13, 24, "Good")]
    [InlineData(20, 24, "Good")]                 // exactly 5/6
    [InlineData(21, 24, "Outstanding")]
    [InlineData(0, 21, "Inadequate")]
    [InlineData(30, 30, "Outstanding")]
    public void Rating_by_fraction_of_maximum(int score, int max, string rating) =>
        Assert.Equal(rating, Rule.RatingFor(new Fraction(score, max)));

    [Fact]
    public void Fractions_compare_exactly()
    {
        Assert.True(new Fraction(4, 24) <= Fraction.Parse("1/6"));
        Assert.True(new Fraction(4, 24) >= Fraction.Parse("1/6"));
        Assert.True(new Fraction(5, 27) > Fraction.Parse("1/6"));
    }

    [Theory]
    [InlineData("pdu-2021-2023", 9, 27)]
    [InlineData("pdu-2024", 7, 21)]
    [InlineData("nps-division-2018", 10, 30)]
    public void Maximum_is_three_times_the_rated_standards(string frameworkId, int rated, int max)
    {
        var framework = Frameworks.Catalog.Get(frameworkId);
        var scored = framework.Standards.Count(s => s.Rated && s.Method is RatingMethod.LowestKeyQuestion or RatingMethod.InspectorJudgement);

        Assert.Equal(rated, scored);
        Assert.Equal(max, scored * framework.Overall!.MaxPointsPerStandard);
        Assert.Equal(new Dictionary<string, int> { ["Outstanding"] = 3, ["Good"] = 2, ["Requires improvement"] = 1, ["Inadequate"] = 0 },
            framework.Overall.Points);
    }
}
