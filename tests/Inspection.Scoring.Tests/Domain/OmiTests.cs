using Inspection.Scoring.Domain.Omi;
using Inspection.Scoring.Domain.Ratings;
using Inspection.Scoring.Tests.Reference;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>The 2008 method: criterion = 0.8 x mean individual proportions + 0.2 x summary proportion; section = mean
/// of criteria; risk-of-harm thread; section 4 grades. 2008 inspections load as published results.</summary>
public sealed class OmiTests
{
    [Fact]
    public void Criterion_percentage_weights_individual_questions_80_and_the_summary_question_20()
    {
        // Individual proportions 0.5, 0.75, 1.0 (mean 0.75); summary 0.5: 0.8 x 0.75 + 0.2 x 0.5 = 0.70.
        var pct = OmiCriterion.Percentage([new YesCount(5, 10), new YesCount(15, 20), new YesCount(4, 4)], new YesCount(10, 20));

        Assert.Equal(70.0, pct, 10);
    }

    [Fact]
    public void Questions_without_relevant_cases_are_left_out_of_the_mean()
    {
        var pct = OmiCriterion.Percentage([new YesCount(5, 10), new YesCount(0, 0)], new YesCount(1, 2));

        Assert.Equal(50.0, pct, 10);
        Assert.Equal(62.5, OmiCriterion.RiskOfHarmThreadPercentage([new YesCount(1, 2), new YesCount(3, 4), new YesCount(0, 0)]), 10);
    }

    [Fact]
    public void The_West_Midlands_2008_inspection_loads_as_published_results()
    {
        var reference = ReferenceInspection.Load("West Midlands");
        var framework = Frameworks.Omi2008;
        var published = PublishedResultsValidator.Validate(framework, PublishedResultsTests.InputFor(reference));

        var ratings = InspectionRater.Rate(framework, RatingInputs.FromPublished(published));

        Assert.Null(ratings.Overall);
        var omi = ratings.Omi!;
        Assert.Equal(14, omi.Criteria.Count);
        Assert.Equal(73, omi.Criteria.Single(c => c.CriterionId == "1.1").Pct);
        // Section 1 = mean(73, 65, 71, 70, 55) = 66.8; section 2 = mean(58, 67, 68, 76, 69, 84, 66) = 69.71; section 3 = 61.
        Assert.Equal([66.8, 69.714, 61.0], omi.Sections.Select(s => Math.Round(s.Pct, 3)));
        Assert.Equal(68, omi.RiskOfHarmThreadPct);
        Assert.Equal(["Satisfactorily met", "Satisfactorily met", "Partly met", "Partly met", "Partly met", "Satisfactorily met"],
            omi.Section4Grades.Select(g => g.Grade));
        Assert.True(ratings.CanPublish, string.Join("; ", ratings.Blockers));
    }
}
