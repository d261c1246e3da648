using Grpc.Core;
using Inspection.Scoring.V1;
using Inspection.Statistics.Comparisons;
using SampledCaseFacts = Inspection.Scoring.Domain.Assessments.SampledCaseFacts;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// CompareKeyQuestions over the real hosts (issue 23): two inspections of a provider assessed case by case, the
/// earlier under the 2021-23 programme and the later under 2024; each linked key question at both, found through the
/// mapping between programmes, with Newcombe's interval built from the intervals GetInspectionRatings serves; where
/// none corresponds the answer says so; a judgement is checked against each change.
/// </summary>
[Collection(ScoringServicesCollection.Name)]
public sealed class CompareKeyQuestionsOverGrpcTests(ScoringServices services)
{
    /// <summary>An inspection of <paramref name="cases"/> cases, every case question answered Yes in the first <paramref name="yes"/>.</summary>
    private async Task<string> AssessedInspectionAsync(string frameworkId, int cases, int yes)
    {
        var framework = Domain.Frameworks.Catalog.Get(frameworkId);
        var inspectionId = await services.CreateInspectionAsync(frameworkId);
        var sample = Enumerable.Range(1, cases).Select(i => SampledCaseFacts.Create($"C{i:000}", "community_order", gender: "male", courtReport: true)).ToList();
        services.SetSample(inspectionId, sample);
        foreach (var (@case, index) in sample.Select((c, i) => (c, i)))
        {
            var request = new RecordCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = @case.CaseReference };
            request.Answers.AddRange(CompleteAnswers.For(framework, @case, index < yes ? "Yes" : "No"));
            await services.Scoring.RecordCaseAssessmentAsync(request);
        }
        return inspectionId;
    }

    [Fact]
    public async Task A_linked_key_question_is_compared_through_the_mapping_with_Newcombes_interval_from_the_served_intervals()
    {
        var earlier = await AssessedInspectionAsync("pdu-2021-2023", 80, 48);
        var later = await AssessedInspectionAsync("pdu-2024", 70, 56);

        var compared = await services.Scoring.CompareKeyQuestionsAsync(new CompareKeyQuestionsRequest
        {
            EarlierInspectionId = earlier, LaterInspectionId = later, KeyQuestionIds = { "2.2.1", "2.1.1" }, StandardIds = { "1.1" }, Judgement = "No progress",
        });

        Assert.Equal(("pdu-2021-2023", "pdu-2024"), (compared.EarlierFrameworkId, compared.LaterFrameworkId));
        Assert.Equal(["2.2.1", "2.1.1", "1.1.1", "1.1.2", "1.1.3"], compared.Changes.Select(c => c.QuestionId));

        var engaging = compared.Changes[0];
        Assert.True(engaging.Corresponds);
        Assert.Equal(("P2.1.1", "pdu-2021-2023 to pdu-2024"), (engaging.LaterQuestionId, engaging.Mapping));
        Assert.Equal(engaging.Text, engaging.LaterText);
        Assert.Equal((48, 80, 56, 70), (engaging.Earlier.K, engaging.Earlier.N, engaging.Later.K, engaging.Later.N));

        // The intervals are those the ratings serve, and the difference is Newcombe's built from them.
        var earlierServed = await ServedAsync(earlier, "2.2.1");
        var laterServed = await ServedAsync(later, "P2.1.1");
        Assert.Equal((earlierServed.DesignCiLowerPct, earlierServed.DesignCiUpperPct, earlierServed.IntervalMethod),
            (engaging.Earlier.CiLowerPct, engaging.Earlier.CiUpperPct, engaging.Earlier.IntervalMethod));
        Assert.Equal((laterServed.DesignCiLowerPct, laterServed.DesignCiUpperPct), (engaging.Later.CiLowerPct, engaging.Later.CiUpperPct));
        var expected = ProportionDifference.Newcombe(
            new(0.8, laterServed.DesignCiLowerPct / 100, laterServed.DesignCiUpperPct / 100),
            new(0.6, earlierServed.DesignCiLowerPct / 100, earlierServed.DesignCiUpperPct / 100));
        Assert.Equal(20, engaging.DifferencePct, 9);
        Assert.Equal(expected.Lower * 100, engaging.DifferenceLowerPct, 9);
        Assert.Equal(expected.Upper * 100, engaging.DifferenceUpperPct, 9);
        // The stand-in sampling gives no design, so the ratings use Wilson's: Newcombe's worked example.
        Assert.Equal("wilson", engaging.Earlier.IntervalMethod);
        Assert.Equal((5.24, 33.39), (Math.Round(engaging.DifferenceLowerPct, 2), Math.Round(engaging.DifferenceUpperPct, 2)));
        Assert.True(engaging.DisagreesWithJudgement);
        Assert.Contains("No progress", engaging.Disagreement);

        // Court work and leadership have no 2024 key question: the answer says so and why, with no difference.
        foreach (var none in compared.Changes.Skip(1))
        {
            Assert.False(none.Corresponds);
            Assert.Equal("", none.LaterQuestionId);
            Assert.NotEqual("", none.CorrespondenceReason);
            Assert.False(none.HasDifferencePct);
            Assert.False(none.DisagreesWithJudgement);
        }
        Assert.NotNull(compared.Changes[1].Earlier);
        Assert.Null(compared.Changes[1].Later);
    }

    [Fact]
    public async Task Within_one_programme_a_key_question_is_itself_and_a_judgement_that_agrees_is_not_flagged()
    {
        var earlier = await AssessedInspectionAsync("pdu-2021-2023", 20, 8);
        var later = await AssessedInspectionAsync("pdu-2021-2023", 20, 18);

        var sufficient = await services.Scoring.CompareKeyQuestionsAsync(new CompareKeyQuestionsRequest
        {
            EarlierInspectionId = earlier, LaterInspectionId = later, KeyQuestionIds = { "2.3.1" }, Judgement = "sufficient progress",
        });
        var change = Assert.Single(sufficient.Changes);
        Assert.Equal(("2.3.1", "", true), (change.LaterQuestionId, change.Mapping, change.Corresponds));
        Assert.Equal(50, change.DifferencePct, 9);
        Assert.True(change.DifferenceLowerPct > 0);
        Assert.False(change.DisagreesWithJudgement);

        // The same change read the other way round: a fall wholly below zero against Sufficient progress.
        var reversed = await services.Scoring.CompareKeyQuestionsAsync(new CompareKeyQuestionsRequest
        {
            EarlierInspectionId = later, LaterInspectionId = earlier, KeyQuestionIds = { "2.3.1" }, Judgement = "Sufficient progress",
        });
        Assert.True(Assert.Single(reversed.Changes).DisagreesWithJudgement);
    }

    [Fact]
    public async Task Ids_the_earlier_framework_lacks_and_an_unknown_judgement_are_refused_naming_the_fields()
    {
        var earlier = await services.CreateInspectionAsync("pdu-2021-2023");
        var later = await services.CreateInspectionAsync("pdu-2024");

        var ids = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.CompareKeyQuestionsAsync(new CompareKeyQuestionsRequest
        {
            EarlierInspectionId = earlier, LaterInspectionId = later, KeyQuestionIds = { "2.2.1", "P2.1.1" }, StandardIds = { "P2.1" },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ids.StatusCode);
        Assert.Equal(["key_question_ids[1]", "standard_ids[0]"], ids.FieldViolations.Select(v => v.Field));

        var word = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.CompareKeyQuestionsAsync(new CompareKeyQuestionsRequest
        {
            EarlierInspectionId = earlier, LaterInspectionId = later, KeyQuestionIds = { "2.2.1" }, Judgement = "great progress",
        }).ResponseAsync);
        Assert.Equal("judgement", Assert.Single(word.FieldViolations).Field);

        var missing = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.CompareKeyQuestionsAsync(new CompareKeyQuestionsRequest
        {
            LaterInspectionId = later, KeyQuestionIds = { "2.2.1" },
        }).ResponseAsync);
        Assert.Equal("earlier_inspection_id", Assert.Single(missing.FieldViolations).Field);

        // Nothing assessed yet at either: each key question is there, with no figures and no difference.
        var unmeasured = await services.Scoring.CompareKeyQuestionsAsync(new CompareKeyQuestionsRequest
        {
            EarlierInspectionId = earlier, LaterInspectionId = later, KeyQuestionIds = { "2.2.1" },
        });
        var change = Assert.Single(unmeasured.Changes);
        Assert.Equal((true, null, null, false), (change.Corresponds, change.Earlier, change.Later, change.HasDifferencePct));
    }

    private async Task<KeyQuestionResult> ServedAsync(string inspectionId, string questionId)
    {
        var ratings = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId });
        return ratings.Standards.SelectMany(s => s.KeyQuestions).Single(k => k.QuestionId == questionId);
    }
}
