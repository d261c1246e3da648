using Inspection.Scoring.Tests.Reference;
using Inspection.Scoring.V1;
using Inspection.Statistics.Comparisons;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>Issue 21 over gRPC: the breakdown's new fields beside the unadjusted fisher_p and significant.</summary>
[Collection(ScoringServicesCollection.Name)]
public sealed class BreakdownAdjustmentOverGrpcTests(ScoringServices services)
{
    [Fact]
    public async Task Breakdowns_carry_the_rate_index_interval_the_adjusted_p_and_each_two_group_test_once()
    {
        var reference = ReferenceInspection.Load("Birmingham");
        var (inspectionId, _) = await ReferenceRecording.FromCaseAssessmentsAsync(services, reference);

        var byGender = await services.Scoring.GetBreakdownAsync(new GetBreakdownRequest { InspectionId = inspectionId, Attribute = "gender" });
        var byRosh = await services.Scoring.GetBreakdownAsync(new GetBreakdownRequest { InspectionId = inspectionId, Attribute = "rosh_level" });

        foreach (var breakdown in new[] { byGender, byRosh })
        {
            Assert.Equal("holm", breakdown.AdjustmentMethod);
            var family = breakdown.Rows.Where(r => !r.SmallGroup && r.SameTestAs == "").ToList();
            Assert.Equal(family.Count, breakdown.Comparisons);
            Assert.Equal(PValueAdjustment.Holm(family.Select(r => r.FisherP).ToList()), family.Select(r => r.AdjustedP));
            Assert.All(breakdown.Rows, r =>
            {
                Assert.Equal(!r.SmallGroup, r.HasAdjustedP);
                Assert.Equal(!r.SmallGroup && r.AdjustedP < 0.05, r.SignificantAfterAdjustment);
                // The old fields keep their meaning: unadjusted.
                Assert.Equal(!r.SmallGroup && r.FisherP < 0.05, r.Significant);
                var interval = RateRatio.For(r.K, r.N, r.RestK, r.RestN);
                Assert.Equal(interval.HasValue, r.HasRelativeRateIndexLower && r.HasRelativeRateIndexUpper);
                if (interval is { } expected)
                    Assert.Equal((expected.Lower, expected.Upper), (r.RelativeRateIndexLower, r.RelativeRateIndexUpper));
            });
            // A row that refers to another's test carries that test.
            Assert.All(breakdown.Rows.Where(r => r.SameTestAs != ""), r =>
            {
                var first = breakdown.Rows.Single(o => o.QuestionId == r.QuestionId && o.Value == r.SameTestAs);
                Assert.Equal((first.FisherP, first.AdjustedP, first.SignificantAfterAdjustment), (r.FisherP, r.AdjustedP, r.SignificantAfterAdjustment));
            });
        }

        // Two genders: every question's male row is the female row's test, so gender counts one test per question.
        var questions = byGender.Rows.GroupBy(r => r.QuestionId).Where(q => q.Count() == 2).ToList();
        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.Equal(["", "female"], q.Select(r => r.SameTestAs)));
        Assert.Equal(questions.Count(q => !q.First().SmallGroup), byGender.Comparisons);
        // Risk of serious harm has three or more levels on some question: each level its own test there.
        Assert.Contains(byRosh.Rows.GroupBy(r => r.QuestionId), q => q.Count() > 2 && q.All(r => r.SameTestAs == ""));
        Assert.True(byRosh.Comparisons > byGender.Comparisons);
    }
}
