using Inspection.Domain;
using Inspection.Scoring.Domain.Ratings;
using Inspection.Scoring.Tests.Reference;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>Inspections before the system load as published figures: the ratings, score and overall rating follow from
/// the published standard ratings under the same rules.</summary>
public sealed class PublishedResultsTests
{
    public static PublishedResultsInput InputFor(ReferenceInspection reference)
    {
        var framework = Frameworks.Catalog.Get(reference.FrameworkId);
        var prompts = new List<PublishedFigureInput>();
        foreach (var prompt in framework.CasePrompts)
        {
            var key = prompt.IsPostCustodyPrompt ? ReferenceInspection.PostCustodyKey : prompt.KeyQuestionId!;
            if (reference.PromptPct.TryGetValue(key, out var list) && list.Where(p => p.Text == prompt.Text).Select(p => (int?)p.Pct).FirstOrDefault() is { } pct)
                prompts.Add(new PublishedFigureInput(prompt.Id, pct));
        }
        return new PublishedResultsInput(
            reference.KeyQuestionPct.Select(k => new PublishedFigureInput(k.Key, k.Value)).ToList(),
            prompts,
            reference.Ratings.Select(r => new PublishedRatingInput(r.Key, r.Value, reference.DecisionRulesApplied.GetValueOrDefault(r.Key, ""))).ToList(),
            reference.CriterionPct.Select(c => (c.Key, c.Value)).ToList(),
            reference.Section4.Select(g => (g.Key, g.Value)).ToList(),
            reference.RiskOfHarmThreadPct);
    }

    [Theory]
    [InlineData("Birmingham", 2, 27)]
    [InlineData("Lewisham", 4, 24)]
    public void The_2022_inspections_give_their_published_score_and_Inadequate(string provider, int score, int max)
    {
        var reference = ReferenceInspection.Load(provider);
        var framework = Frameworks.Pdu2021;
        var published = PublishedResultsValidator.Validate(framework, InputFor(reference));

        var ratings = InspectionRater.Rate(framework, RatingInputs.FromPublished(published));

        Assert.Equal(ResultSource.Published, ratings.Source);
        Assert.Equal((score, max, "Inadequate"), (ratings.Overall!.Score, ratings.Overall.MaxScore, ratings.Overall.Rating));
        foreach (var (standardId, rating) in reference.Ratings)
            Assert.Equal(rating, ratings.Standards.Single(s => s.Standard.Id == standardId).FinalRating);
        // The published key-question percentages band to the published case ratings: lowest key question.
        Assert.All(ratings.Standards.Where(s => s.Standard.IsRatedFromCases && s.Applicable),
            s => Assert.Equal(s.FinalRating, s.ComputedRating));
        Assert.Equal(reference.KeyQuestionPct.Where(k => k.Key.StartsWith("2.2.", StringComparison.Ordinal)).Min(k => k.Value),
            ratings.Standards.Single(s => s.Standard.Id == "2.2").KeyQuestions.Min(k => k.RoundedPct));
        Assert.True(ratings.CanPublish, string.Join("; ", ratings.Blockers));
    }

    [Fact]
    public void Published_figures_with_n_get_k_and_an_interval()
    {
        var published = PublishedResultsValidator.Validate(Frameworks.Pdu2021, new PublishedResultsInput(
            [new PublishedFigureInput("2.2.1", 54, 48), new PublishedFigureInput("2.2.2", 63, 48, 30), new PublishedFigureInput("2.2.3", 23)],
            [], [], [], [], null));

        var ratings = InspectionRater.Rate(Frameworks.Pdu2021, RatingInputs.FromPublished(published));
        var keyQuestions = ratings.Standards.Single(s => s.Standard.Id == "2.2").KeyQuestions;

        Assert.Equal(new YesCount(26, 48), keyQuestions[0].Count);
        Assert.NotNull(keyQuestions[0].Interval);
        Assert.Equal(new YesCount(30, 48), keyQuestions[1].Count);
        Assert.Null(keyQuestions[2].Count);
        Assert.Equal(23, keyQuestions[2].RoundedPct);
        Assert.Equal("Inadequate", ratings.Standards.Single(s => s.Standard.Id == "2.2").ComputedRating);
    }

    [Fact]
    public void Inconsistent_or_unknown_published_figures_are_refused()
    {
        var exception = Assert.Throws<ValidationException>(() => PublishedResultsValidator.Validate(Frameworks.Pdu2021, new PublishedResultsInput(
            [new PublishedFigureInput("2.2.1", 54, 48, 20), new PublishedFigureInput("9.9.9", 10), new PublishedFigureInput("2.2.2", 101)],
            [new PublishedFigureInput("2.4.pc1", 19, 17)],
            [new PublishedRatingInput("2.6", "Good"), new PublishedRatingInput("1.1", "Excellent"), new PublishedRatingInput("2.2", "Not applicable")],
            [("1.1", 50)], [], 68)));

        Assert.Equal(
        [
            "key_questions[0].k", "key_questions[1].question_id", "key_questions[2].pct", "prompts[0].pct",
            "ratings[0].standard_id", "ratings[1].rating", "ratings[2].rating", "criteria[0].criterion_id", "risk_of_harm_thread_pct",
        ], exception.Violations.Select(v => v.Field));
    }
}
