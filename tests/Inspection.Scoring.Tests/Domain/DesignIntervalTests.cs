using Inspection.Domain.Vocabularies;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Ratings;
using Inspection.Statistics.Proportions;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>
/// Issue 21 items 1 and 2 in the ratings: each key question's interval follows the design the sample was drawn with
/// (Korn-Graubard, centred on the printed k of n), Wilson's only where the design is unknown; its half-width is the
/// achieved margin; borderline is decided on it; the caseload's weighted estimate appears only where the sample is
/// not self-weighting. The printed percentage and band never change.
/// </summary>
public sealed class DesignIntervalTests
{
    private const string KeyQuestion = "2.2.1";

    /// <summary>A sample of the given (stratum, population, cases) with the first <c>yes</c> of each stratum's
    /// applicable cases answering Yes and every fifth case Not applicable.</summary>
    private static (SampleDesign Design, Dictionary<string, bool> Answers) Sample(bool fixedSplit, params (string Stratum, long Population, int Cases, int Yes)[] strata)
    {
        var stratumByCase = new Dictionary<string, string>(StringComparer.Ordinal);
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (stratum, _, cases, yes) in strata)
        {
            var given = 0;
            for (var i = 0; i < cases; i++)
            {
                var reference = $"{stratum}-{i:000}";
                stratumByCase[reference] = stratum;
                if (i % 5 == 4) continue;
                answers[reference] = given++ < yes;
            }
        }
        var design = SampleDesign.TryCreate(strata.ToDictionary(s => s.Stratum, s => s.Population), stratumByCase, fixedSplit)!;
        return (design, answers);
    }

    private static KeyQuestionResult Rate(SampleDesign? design, Dictionary<string, bool> answers)
    {
        var count = new YesCount(answers.Count(a => a.Value), answers.Count);
        var inputs = RatingInputs.FromCases(new Dictionary<string, YesCount> { [KeyQuestion] = count }) with
        {
            Design = design,
            ApplicableAnswers = new Dictionary<string, IReadOnlyDictionary<string, bool>> { [KeyQuestion] = answers },
        };
        return InspectionRater.RateKeyQuestion(Frameworks.Pdu2021.FindKeyQuestion(KeyQuestion)!, new BandScale(Frameworks.Pdu2021.QuestionBands), inputs);
    }

    [Fact]
    public void The_printed_figure_and_band_are_unchanged_and_the_interval_is_the_design_estimators_on_the_same_cases()
    {
        var (design, answers) = Sample(false, ("female", 60, 15, 5), ("male", 140, 35, 14));
        var withDesign = Rate(design, answers);
        var without = Rate(null, answers);

        Assert.Equal(without.RoundedPct, withDesign.RoundedPct);
        Assert.Equal(without.Band, withDesign.Band);
        Assert.Equal(without.Interval, withDesign.Interval);

        var proportion = DesignedProportion.Of(design.Strata, design.UnitsFor(answers), Weighting.AsPrinted);
        var expected = KornGraubardInterval.For(proportion);
        var interval = withDesign.Design!;
        Assert.Equal(IntervalMethod.KornGraubard, interval.Method);
        Assert.Equal(withDesign.ExactPct!.Value, proportion.Estimate * 100, 12);
        Assert.Equal(expected.Lower * 100, interval.LowerPct, 12);
        Assert.Equal(expected.Upper * 100, interval.UpperPct, 12);
        Assert.Equal(expected.HalfWidth * 100, interval.MarginPct, 12);
        Assert.Equal(withDesign.Count!.Value.Applicable, interval.Applicable);
        // A quarter of the caseload sampled without replacement: narrower than Wilson's simple random sample.
        Assert.True(interval.UpperPct - interval.LowerPct < without.Interval!.Value.UpperPct - without.Interval.Value.LowerPct);
    }

    [Fact]
    public void Published_figures_have_no_design_so_the_interval_is_wilsons_and_says_so()
    {
        var published = PublishedResults.Empty with { KeyQuestions = new Dictionary<string, PublishedFigure> { [KeyQuestion] = new(63, 48, 30) } };
        var result = InspectionRater.RateKeyQuestion(Frameworks.Pdu2021.FindKeyQuestion(KeyQuestion)!,
            new BandScale(Frameworks.Pdu2021.QuestionBands), RatingInputs.FromPublished(published));

        var wilson = WilsonInterval.For(30, 48);
        Assert.Equal(IntervalMethod.Wilson, result.Design!.Method);
        Assert.Equal(wilson.LowerPct, result.Design.LowerPct);
        Assert.Equal(wilson.UpperPct, result.Design.UpperPct);
        Assert.Null(result.Design.Caseload);
    }

    [Fact]
    public void Case_assessments_whose_design_case_sampling_cannot_give_fall_back_to_wilson()
    {
        var (_, answers) = Sample(false, ("all", 200, 50, 20));
        var result = Rate(null, answers);

        Assert.Equal(IntervalMethod.Wilson, result.Design!.Method);
        Assert.Equal(result.Interval!.Value.LowerPct, result.Design.LowerPct);
    }

    [Fact]
    public void Borderline_is_decided_on_the_design_interval_and_the_wilson_flag_keeps_its_meaning()
    {
        // 2.2's deciding key question, 6 of 10 applicable (60%, Requires improvement): Wilson's interval crosses both
        // edges. The same cases as a census of their stratum have no sampling error, so the design does not.
        var (census, answers) = Sample(false, ("all", 12, 12, 6));
        var standard = Frameworks.Pdu2021.Standards.Single(s => s.Id == "2.2");
        var counts = standard.KeyQuestions.ToDictionary(k => k.Id, k => k.Id == KeyQuestion ? new YesCount(6, 10) : new YesCount(9, 10));
        var byCase = standard.KeyQuestions.ToDictionary(k => k.Id, k => (IReadOnlyDictionary<string, bool>)(k.Id == KeyQuestion
            ? answers
            : answers.ToDictionary(a => a.Key, a => a.Key != answers.Keys.First())));
        RatingInputs Inputs(SampleDesign design) => RatingInputs.FromCases(counts) with { Design = design, ApplicableAnswers = byCase };

        var rated = InspectionRater.Rate(Frameworks.Pdu2021, Inputs(census)).Standards.Single(s => s.Standard.Id == "2.2");
        Assert.True(rated.Borderline);
        Assert.False(rated.DesignBorderline);
        Assert.Null(rated.DesignBorderlineReason);
        Assert.Equal(0, rated.KeyQuestions.Single(k => k.QuestionId == KeyQuestion).Design!.MarginPct);

        // A twentieth of a large caseload: the design interval is wide too, and the reason names its method.
        var (sparse, _) = Sample(false, ("all", 240, 12, 6));
        var wide = InspectionRater.Rate(Frameworks.Pdu2021, Inputs(sparse)).Standards.Single(s => s.Standard.Id == "2.2");
        Assert.True(wide.DesignBorderline);
        Assert.True(wide.KeyQuestions.Single(k => k.QuestionId == KeyQuestion).DesignBorderline);
        Assert.All(wide.KeyQuestions.Where(k => k.QuestionId != KeyQuestion), k => Assert.False(k.DesignBorderline, k.QuestionId));
        var design = wide.KeyQuestions.Single(k => k.QuestionId == KeyQuestion).Design!;
        Assert.StartsWith($"Key question {KeyQuestion} decides the rating (6 of 10, 60%); its 95% interval from the sample's design (Korn-Graubard), " +
            $"{Math.Round(design.LowerPct):0}% to {Math.Round(design.UpperPct):0}%, crosses", wide.DesignBorderlineReason);
    }

    [Fact]
    public void A_proportional_sample_is_self_weighting_and_shows_no_caseload_estimate()
    {
        // 15 of 60 and 35 of 140: each stratum holds exactly its share, n x N_h / N.
        var (design, answers) = Sample(false, ("female", 60, 15, 5), ("male", 140, 35, 14));

        Assert.True(design.SelfWeighting);
        Assert.Null(Rate(design, answers).Design!.Caseload);
    }

    [Fact]
    public void A_stratum_within_a_case_of_its_share_is_still_self_weighting()
    {
        // 50 of 210: shares 14.29 and 35.71, drawn as 14 and 36 (largest remainders).
        var (design, _) = Sample(false, ("female", 60, 14, 5), ("male", 150, 36, 14));
        Assert.True(design.SelfWeighting);
    }

    [Fact]
    public void A_quota_that_lifts_a_stratum_or_a_fixed_split_makes_the_caseload_estimate_appear_beside_the_printed_figure()
    {
        // A quota lifted women from their share of 10 to 20 (of 50 from 200).
        var (lifted, answers) = Sample(false, ("female", 40, 20, 6), ("male", 160, 30, 20));
        Assert.False(lifted.SelfWeighting);
        var result = Rate(lifted, answers);
        var weighted = DesignedProportion.Of(lifted.Strata, lifted.UnitsFor(answers), Weighting.Caseload);
        var around = KornGraubardInterval.For(weighted);
        var caseload = result.Design!.Caseload!;
        Assert.Equal(weighted.Estimate * 100, caseload.Pct, 12);
        Assert.Equal(around.Lower * 100, caseload.LowerPct, 12);
        Assert.Equal(around.Upper * 100, caseload.UpperPct, 12);
        // The rating still uses the printed k of n, and the interval is centred on it.
        Assert.Equal(YesCount.RoundHalfUp(26, 40), result.RoundedPct);
        Assert.NotEqual(result.ExactPct!.Value, caseload.Pct, 6);

        var (split, _) = Sample(true, ("female", 60, 15, 5), ("male", 140, 35, 14));
        Assert.False(split.SelfWeighting);
    }

    [Fact]
    public void A_design_case_sampling_gives_that_cannot_be_one_is_refused_so_the_interval_falls_back()
    {
        var cases = new Dictionary<string, string> { ["A"] = "x", ["B"] = "y" };
        Assert.Null(SampleDesign.TryCreate(new Dictionary<string, long> { ["x"] = 5 }, cases, false));
        Assert.Null(SampleDesign.TryCreate(new Dictionary<string, long> { ["x"] = 5, ["y"] = 0 }, cases, false));
        Assert.NotNull(SampleDesign.TryCreate(new Dictionary<string, long> { ["x"] = 5, ["y"] = 1 }, cases, false));
    }
}
