using Grpc.Core;
using Inspection.Sampling.V1;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.V1;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// Issue 19, over gRPC with the real case sampling: after a substitution or a re-draw every figure counts the current
/// sample's active cases only (k of n exactly), can_publish waits for the replacement, and the assessment set aside
/// stays readable with the reason and date, and cannot be changed.
/// </summary>
[Collection(SampledScoringServicesCollection.Name)]
public sealed class ActiveCasesOnlyTests(SampledScoringServices services)
{
    private const string KeyQuestion = "2.2.1";
    private const string Prompt = "2.2.1.p1";

    private static KeyQuestionResult Figure(InspectionRatings ratings, string questionId) =>
        ratings.Standards.SelectMany(s => s.KeyQuestions).Single(k => k.QuestionId == questionId);

    /// <summary>k and n of a prompt worked out from the answers the test gave, over the cases given.</summary>
    private static (int K, int N) Expected(string promptId, IEnumerable<(SampledCaseFacts Case, string Word)> answered)
    {
        var framework = Domain.Frameworks.Pdu2021;
        var applicable = answered.Where(a => QuestionApplicability.For(framework, promptId, a.Case).Applicability != Applicability.DoesNotApply).ToList();
        return (applicable.Count(a => a.Word == "Yes"), applicable.Count);
    }

    [Fact]
    public async Task After_a_substitution_only_the_active_cases_count_and_the_replaced_assessment_is_kept_set_aside()
    {
        var (inspectionId, snapshotId) = await services.InspectionWithCaseloadAsync(40);
        var sample = await services.DrawAsync(inspectionId, snapshotId, size: 10, seed: 19);
        services.SetFinalJudgements(inspectionId);
        var drawn = await services.ActiveCasesAsync(inspectionId);
        Assert.Equal(10, drawn.Count);
        // Every case Yes: the case about to leave counts Yes too.
        foreach (var @case in drawn) await services.AssessAsync(inspectionId, @case, "Yes");
        var leaving = drawn[0];
        var rollupBefore = await services.Scoring.GetNationalRollupAsync(new GetNationalRollupRequest { FrameworkId = "pdu-2021-2023" });
        Assert.True((await services.RatingsAsync(inspectionId)).CanPublish);

        var substitution = await services.Sampling.SubstituteCaseAsync(new SubstituteCaseRequest
        {
            RequestId = "sub-" + inspectionId, SampleId = sample.SampleId, CaseReference = leaving.CaseReference, Reason = "transferred out", SubstitutedBy = "issue-19-tests",
        });
        var active = await services.ActiveCasesAsync(inspectionId);
        var replacement = active.Single(c => c.CaseReference == substitution.AddedCaseReference);
        var waiting = await services.RatingsAsync(inspectionId);

        // The replacement is not assessed yet: 9 of the 10 active cases are, and publication waits for the tenth.
        Assert.Equal((10, 9, 9, 0, 1), (waiting.CasesInSample, waiting.CasesAssessed, waiting.CasesComplete, waiting.CasesInProgress, waiting.CasesSetAside));
        Assert.False(waiting.CanPublish);
        Assert.Contains("1 of 10 sampled cases not yet assessed", waiting.Blockers);
        Assert.Equal((9, 9), (Figure(waiting, KeyQuestion).K, Figure(waiting, KeyQuestion).N));

        await services.AssessAsync(inspectionId, replacement, "No");
        var ratings = await services.RatingsAsync(inspectionId);
        var prompts = await services.Scoring.GetPromptResultsAsync(new GetPromptResultsRequest { InspectionId = inspectionId });
        var byGender = await services.Scoring.GetBreakdownAsync(new GetBreakdownRequest { InspectionId = inspectionId, Attribute = "gender" });
        var rollupAfter = await services.Scoring.GetNationalRollupAsync(new GetNationalRollupRequest { FrameworkId = "pdu-2021-2023" });

        // 9 Yes of the 10 active cases, not 10 of 11: the replaced case's Yes is not counted.
        Assert.Equal((9, 10, 90), (Figure(ratings, KeyQuestion).K, Figure(ratings, KeyQuestion).N, Figure(ratings, KeyQuestion).Pct));
        Assert.Equal((10, 10, 10, 0, 1), (ratings.CasesInSample, ratings.CasesAssessed, ratings.CasesComplete, ratings.CasesInProgress, ratings.CasesSetAside));
        Assert.True(ratings.CanPublish, string.Join("; ", ratings.Blockers));
        var answered = active.Select(c => (c, c.CaseReference == replacement.CaseReference ? "No" : "Yes")).ToList();
        var prompt = prompts.Prompts.Single(p => p.PromptId == Prompt);
        Assert.Equal(Expected(Prompt, answered), (prompt.K, prompt.N));
        var groups = byGender.Rows.Where(r => r.QuestionId == KeyQuestion).ToList();
        Assert.Equal((9, 10), (groups.Sum(r => r.K), groups.Sum(r => r.N)));
        // The national roll-up lost the replaced case's Yes and gained the replacement's No: n unchanged, one Yes fewer.
        var before = rollupBefore.KeyQuestions.Single(k => k.QuestionId == KeyQuestion);
        var after = rollupAfter.KeyQuestions.Single(k => k.QuestionId == KeyQuestion);
        Assert.Equal((before.K - 1, before.N), (after.K, after.N));

        // The replaced case's assessment stays readable, set aside with the substitution's reason and date.
        var setAside = await services.Scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = leaving.CaseReference });
        Assert.True(setAside.SetAside);
        Assert.Equal($"substituted by {replacement.CaseReference}: transferred out", setAside.SetAsideReason);
        Assert.Equal(substitution.SubstitutedAt[..10], setAside.SetAsideAt[..10]);
        Assert.Equal(sample.SampleId, setAside.SampleId);
        Assert.Equal("Yes", setAside.Answers.Single(a => a.QuestionId == KeyQuestion).Answer_);
        var list = await services.Scoring.ListCaseAssessmentsAsync(new ListCaseAssessmentsRequest { InspectionId = inspectionId });
        Assert.Equal((11, 1), (list.Total, list.SetAside));
        Assert.Equal([leaving.CaseReference], list.CaseAssessments.Where(a => a.SetAside).Select(a => a.CaseReference));

        // It cannot be changed: the case is not in the current sample.
        var refused = await Assert.ThrowsAsync<RpcException>(() => services.AssessAsync(inspectionId, leaving, "No", expectedVersion: 1));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("case_reference", Assert.Single(refused.FieldViolations).Field);
        Assert.Contains("not in the current sample", refused.Status.Detail);
    }

    [Fact]
    public async Task After_a_re_draw_the_earlier_sample_s_assessments_are_set_aside_and_the_new_sample_is_assessed_afresh()
    {
        // 12 eligible cases, samples of 10: the two draws share at least 8 cases.
        var (inspectionId, snapshotId) = await services.InspectionWithCaseloadAsync(12);
        var first = await services.DrawAsync(inspectionId, snapshotId, size: 10, seed: 1);
        services.SetFinalJudgements(inspectionId);
        var firstCases = await services.ActiveCasesAsync(inspectionId);
        foreach (var @case in firstCases) await services.AssessAsync(inspectionId, @case, "Yes");
        var beforeRedraw = await services.RatingsAsync(inspectionId);
        Assert.Equal((10, 10), (beforeRedraw.CasesAssessed, Figure(beforeRedraw, KeyQuestion).N));

        // The admin asked for confirmation of the 10 assessments to be set aside; the draw records the number.
        var second = await services.DrawAsync(inspectionId, snapshotId, size: 10, seed: 2, assessmentsSetAside: beforeRedraw.CasesAssessed);
        var redrawn = await services.ActiveCasesAsync(inspectionId);
        var afterRedraw = await services.RatingsAsync(inspectionId);
        var recorded = await services.Sampling.GetSampleAsync(new GetSampleRequest { SampleId = second.SampleId });

        Assert.Equal(10, recorded.Parameters.AssessmentsSetAside);
        Assert.Equal((10, 0, 0, 10), (afterRedraw.CasesInSample, afterRedraw.CasesAssessed, afterRedraw.CasesComplete, afterRedraw.CasesSetAside));
        Assert.False(afterRedraw.CanPublish);
        Assert.Contains("10 of 10 sampled cases not yet assessed", afterRedraw.Blockers);
        Assert.False(Figure(afterRedraw, KeyQuestion).HasN);
        var prompt = (await services.Scoring.GetPromptResultsAsync(new GetPromptResultsRequest { InspectionId = inspectionId })).Prompts.Single(p => p.PromptId == Prompt);
        Assert.False(prompt.HasN);

        // A case drawn in both samples: its earlier assessment reads as set aside until it is assessed in the new one.
        var again = redrawn.First(c => firstCases.Any(f => f.CaseReference == c.CaseReference));
        var old = await services.Scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = again.CaseReference });
        Assert.True(old.SetAside);
        Assert.Equal("the sample was drawn again", old.SetAsideReason);
        Assert.Equal(recorded.DrawnAt[..10], old.SetAsideAt[..10]);
        Assert.Equal(first.SampleId, old.SampleId);

        // The new sample: the first five No, the rest Yes, each a new assessment (expected version 0).
        var words = redrawn.Select((c, i) => (Case: c, Word: i < 5 ? "No" : "Yes")).ToList();
        foreach (var (@case, word) in words) await services.AssessAsync(inspectionId, @case, word);
        var ratings = await services.RatingsAsync(inspectionId);
        var prompts = await services.Scoring.GetPromptResultsAsync(new GetPromptResultsRequest { InspectionId = inspectionId });

        Assert.Equal((5, 10), (Figure(ratings, KeyQuestion).K, Figure(ratings, KeyQuestion).N));
        Assert.Equal((10, 10, 10), (ratings.CasesAssessed, ratings.CasesComplete, ratings.CasesSetAside));
        Assert.True(ratings.CanPublish, string.Join("; ", ratings.Blockers));
        var promptNow = prompts.Prompts.Single(p => p.PromptId == Prompt);
        Assert.Equal(Expected(Prompt, words), (promptNow.K, promptNow.N));

        // Both assessments of the case drawn twice are kept: the current one counts, the earlier one reads by its sample.
        var current = await services.Scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = again.CaseReference });
        var earlier = await services.Scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = again.CaseReference, SampleId = first.SampleId });
        Assert.Equal((false, second.SampleId, 1L), (current.SetAside, current.SampleId, current.Version));
        Assert.Equal((true, "Yes"), (earlier.SetAside, earlier.Answers.Single(a => a.QuestionId == KeyQuestion).Answer_));
        var list = await services.Scoring.ListCaseAssessmentsAsync(new ListCaseAssessmentsRequest { InspectionId = inspectionId, PageSize = 7 });
        var all = list.CaseAssessments.ToList();
        while (list.NextPageToken.Length > 0)
        {
            list = await services.Scoring.ListCaseAssessmentsAsync(new ListCaseAssessmentsRequest { InspectionId = inspectionId, PageSize = 7, PageToken = list.NextPageToken });
            all.AddRange(list.CaseAssessments);
        }
        Assert.Equal((20, 10), (list.Total, list.SetAside));
        Assert.Equal(20, all.Select(a => (a.CaseReference, a.SampleId)).Distinct().Count());
        Assert.Equal(10, all.Count(a => a.SetAside && a.SampleId == first.SampleId));
    }

    [Fact]
    public async Task A_negative_number_of_assessments_set_aside_is_refused_naming_the_field()
    {
        var (inspectionId, snapshotId) = await services.InspectionWithCaseloadAsync(12);

        var refused = await Assert.ThrowsAsync<RpcException>(() => services.DrawAsync(inspectionId, snapshotId, size: 10, seed: 3, assessmentsSetAside: -1));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("assessments_set_aside", Assert.Single(refused.FieldViolations).Field);
        Assert.Empty((await services.Sampling.ListSamplesAsync(new ListSamplesRequest { InspectionId = inspectionId })).Samples);
    }
}
