using Inspection.Scoring.Domain.Ratings;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>
/// A rating is borderline only where the deciding key question (the lowest) has a 95% interval crossing an edge of
/// the band the standard is rated in; the other key questions are never marked, and the reason says why in words.
/// </summary>
public sealed class BorderlineTests
{
    private static StandardResult Assessment(params (int Yes, int Of)[] keyQuestions)
    {
        var standard = Frameworks.Pdu2021.Standards.Single(s => s.Id == "2.2");
        var counts = standard.KeyQuestions.Zip(keyQuestions).ToDictionary(x => x.First.Id, x => new YesCount(x.Second.Yes, x.Second.Of));
        return InspectionRater.Rate(Frameworks.Pdu2021, RatingInputs.FromCases(counts)).Standards.Single(s => s.Standard.Id == "2.2");
    }

    [Fact]
    public void An_86_percent_key_question_that_does_not_decide_the_rating_is_not_borderline()
    {
        // 2.2 has three key questions: 86% and 90% on 50 cases, the deciding one 70% of 1,000 (interval 67%-73%, inside Good).
        var result = Assessment((43, 50), (45, 50), (700, 1000));

        Assert.Equal("Good", result.ComputedRating);
        Assert.False(result.Borderline);
        Assert.Null(result.BorderlineReason);
        Assert.All(result.KeyQuestions, k => Assert.False(k.Borderline, k.QuestionId));
    }

    [Fact]
    public void An_outstanding_rating_decided_by_a_large_sample_is_not_borderline()
    {
        // 86% of 1,000: interval 84%-88%, well above the 80% edge.
        var result = Assessment((860, 1000), (900, 1000), (950, 1000));

        Assert.Equal("Outstanding", result.ComputedRating);
        Assert.False(result.Borderline);
        Assert.All(result.KeyQuestions, k => Assert.False(k.Borderline, k.QuestionId));
    }

    [Fact]
    public void The_deciding_key_question_crossing_its_band_s_edge_makes_the_rating_borderline_with_the_reason()
    {
        // Deciding: 33 of 50 = 66% Good, interval 52%-78% crosses the 65% edge with Requires improvement (not the 80% one).
        var result = Assessment((45, 50), (33, 50), (46, 50));

        Assert.Equal("Good", result.ComputedRating);
        Assert.True(result.Borderline);
        Assert.Equal([false, true, false], result.KeyQuestions.Select(k => k.Borderline));
        var decider = result.KeyQuestions[1];
        Assert.Equal(
            $"Key question {decider.QuestionId} decides the rating (33 of 50, 66%); its 95% interval, 52% to 78%, crosses the 65% line between Good and Requires improvement.",
            result.BorderlineReason);
    }

    [Fact]
    public void An_interval_wide_enough_to_cross_both_edges_names_both()
    {
        // 11 of 20 = 55% Requires improvement, interval 34%-74%: crosses 50% and 65%.
        var result = Assessment((11, 20), (11, 20), (18, 20));

        Assert.Equal("Requires improvement", result.ComputedRating);
        Assert.True(result.Borderline);
        Assert.Equal([true, true, false], result.KeyQuestions.Select(k => k.Borderline));
        Assert.Contains("the 50% line between Requires improvement and Inadequate and the 65% line between Requires improvement and Good", result.BorderlineReason);
    }

    [Fact]
    public void A_crossing_of_some_other_band_s_edge_does_not_count()
    {
        // 23 of 100 = 23% Inadequate: interval 16%-32% lies inside Inadequate; 49.5 is far off.
        var result = Assessment((23, 100), (60, 100), (90, 100));

        Assert.Equal("Inadequate", result.ComputedRating);
        Assert.False(result.Borderline);
        // The 60% key question's interval (50%-69%) crosses 65%, but it does not decide the rating.
        Assert.All(result.KeyQuestions, k => Assert.False(k.Borderline, k.QuestionId));
    }
}
