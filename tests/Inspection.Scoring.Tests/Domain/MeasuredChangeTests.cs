using Inspection.Domain.Vocabularies;
using Inspection.Scoring.Domain.Comparisons;
using Inspection.Statistics.Comparisons;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>
/// The measured change behind a progress judgement: the comparison of linked key questions between two inspections
/// (Newcombe's interval from the ratings' own intervals) and the rule that says when a judgement disagrees with it.
/// </summary>
public sealed class MeasuredChangeTests
{
    private static readonly KeyQuestionCorrespondences Mapping = KeyQuestionCorrespondences.Load();

    [Fact]
    public void Sufficient_progress_disagrees_only_with_a_fall_whose_interval_is_wholly_below_zero()
    {
        var fell = ProportionDifference.NewcombeWilson(48, 80, 56, 70);       // -20 points, interval wholly below zero
        var flat = ProportionDifference.NewcombeWilson(30, 60, 33, 60);       // -5 points, interval holds zero
        Assert.True(fell.WhollyBelowZero);
        Assert.NotNull(JudgementAgreement.Disagreement(ProgressWord.SufficientProgress, fell));
        Assert.Null(JudgementAgreement.Disagreement(ProgressWord.SufficientProgress, flat));
        Assert.Null(JudgementAgreement.Disagreement(ProgressWord.SomeProgress, fell));
        Assert.Null(JudgementAgreement.Disagreement(ProgressWord.NoProgress, fell));
    }

    [Fact]
    public void No_progress_disagrees_only_with_a_rise_whose_interval_is_wholly_above_zero()
    {
        var rose = ProportionDifference.NewcombeWilson(56, 70, 48, 80);
        var flat = ProportionDifference.NewcombeWilson(33, 60, 30, 60);
        Assert.Contains("rose", JudgementAgreement.Disagreement(ProgressWord.NoProgress, rose));
        Assert.Null(JudgementAgreement.Disagreement(ProgressWord.NoProgress, flat));
        Assert.Null(JudgementAgreement.Disagreement(ProgressWord.SomeProgress, rose));
        Assert.Null(JudgementAgreement.Disagreement(ProgressWord.SufficientProgress, rose));
        // An interval touching zero is not wholly on one side.
        Assert.Null(JudgementAgreement.Disagreement(ProgressWord.NoProgress, new ProportionDifference(0.1, 0, 0.2)));
    }

    [Fact]
    public void Later_minus_earlier_through_the_mapping_with_Newcombes_interval_in_percentage_points()
    {
        var earlier = Figures(("2.2.3", 48, 80), ("2.1.1", 10, 12));
        var later = Figures(("P2.1.3", 56, 70));
        var changes = KeyQuestionComparison.Compare(Frameworks.Pdu2021, earlier, Frameworks.Pdu2024, later, ["2.2.3", "2.1.1", "2.5.1"], Mapping);

        var safety = changes[0];
        Assert.Equal(("2.2.3", "P2.1.3", "pdu-2021-2023 to pdu-2024"), (safety.EarlierQuestionId, safety.Correspondence.LaterQuestionId, safety.Correspondence.Mapping));
        var d = safety.DifferencePct!.Value;
        Assert.Equal(20, d.Difference, 9);
        Assert.Equal(5.24, Math.Round(d.Lower, 2));
        Assert.Equal(33.39, Math.Round(d.Upper, 2));

        var court = changes[1];
        Assert.False(court.Correspondence.Corresponds);
        Assert.NotNull(court.Earlier);
        Assert.Null(court.Later);
        Assert.Null(court.DifferencePct);

        // Mapped, but not yet measured at either inspection.
        var reviewing = changes[2];
        Assert.Equal("P2.4.1", reviewing.Correspondence.LaterQuestionId);
        Assert.Null(reviewing.DifferencePct);
    }

    [Fact]
    public void Within_one_framework_a_key_question_is_compared_with_itself_using_the_intervals_given()
    {
        // A design-based interval wider than Wilson's widens the difference's interval.
        var earlier = new Dictionary<string, MeasuredKeyQuestion> { ["2.3.1"] = new("2.3.1", "", 48, 80, 45, 73, IntervalMethod.KornGraubard) };
        var later = new Dictionary<string, MeasuredKeyQuestion> { ["2.3.1"] = new("2.3.1", "", 56, 70, 66, 90, IntervalMethod.KornGraubard) };
        var change = Assert.Single(KeyQuestionComparison.Compare(Frameworks.Pdu2021, earlier, Frameworks.Pdu2021, later, ["2.3.1"], Mapping));
        Assert.Equal(("2.3.1", null), (change.Correspondence.LaterQuestionId, change.Correspondence.Mapping));
        var expected = ProportionDifference.Newcombe(new(0.8, 0.66, 0.90), new(0.6, 0.45, 0.73));
        Assert.Equal(expected.Lower * 100, change.DifferencePct!.Value.Lower, 9);
        Assert.Equal(expected.Upper * 100, change.DifferencePct!.Value.Upper, 9);
        Assert.True(change.DifferencePct.Value.Lower < ProportionDifference.NewcombeWilson(56, 70, 48, 80).Lower * 100);
    }

    private static Dictionary<string, MeasuredKeyQuestion> Figures(params (string Id, int Yes, int N)[] figures) =>
        figures.ToDictionary(f => f.Id, f =>
        {
            var wilson = ProportionDifference.Estimate.Wilson(f.Yes, f.N);
            return new MeasuredKeyQuestion(f.Id, "", f.Yes, f.N, wilson.Lower * 100, wilson.Upper * 100, IntervalMethod.Wilson);
        });
}
