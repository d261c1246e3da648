using Grpc.Core;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using SampledCaseFacts = Inspection.Scoring.Domain.Assessments.SampledCaseFacts;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// Issue 14 over real gRPC and PostgreSQL: "assessed" means complete, recommendation tracking's PublishInspection
/// refuses an unfinished inspection with every blocker scoring gives, and a published inspection's ratings change
/// only as corrections with a reason, listed with the ratings.
/// </summary>
[Collection(ScoringServicesCollection.Name)]
public sealed class PublicationGuardTests(ScoringServices services)
{
    private static readonly (string, string, string)[] FinalJudgements =
        [("1.1", "Requires improvement", "leadership"), ("1.2", "Requires improvement", "staff"), ("1.3", "Requires improvement", "services"), ("1.4", "Requires improvement", "information")];

    private static readonly SampledCaseFacts[] Sample =
    [
        SampledCaseFacts.Create("G001", "community_order", gender: "male", courtReport: true),
        SampledCaseFacts.Create("G002", "licence", gender: "female", courtReport: true),
        SampledCaseFacts.Create("G003", "community_order", gender: "female", courtReport: true),
    ];

    private static RecordCaseAssessmentRequest Complete(string inspectionId, SampledCaseFacts @case, long version = 0)
    {
        var request = new RecordCaseAssessmentRequest
        {
            RequestId = $"complete-{inspectionId}-{@case.CaseReference}-{version}", InspectionId = inspectionId, CaseReference = @case.CaseReference,
            AssessedBy = "guard-tests", ExpectedVersion = version,
        };
        request.Answers.AddRange(CompleteAnswers.For(Domain.Frameworks.Pdu2021, @case, "Yes"));
        return request;
    }

    private Task<InspectionRatings> RatingsAsync(string inspectionId) =>
        services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId }).ResponseAsync;

    private async Task<Inspection.Recommendations.V1.Inspection> PublishAsync(string inspectionId, string requestId)
    {
        var current = await services.Register.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId });
        return await services.Register.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = requestId, InspectionId = inspectionId, ExpectedVersion = current.Version, PublishedOn = "2022-09-01", PublishedBy = "guard-tests",
        });
    }

    [Fact]
    public async Task One_answer_of_many_is_an_assessment_in_progress_not_an_assessed_case()
    {
        var inspectionId = await services.CreateInspectionAsync("pdu-2021-2023");
        services.SetSample(inspectionId, Sample);

        var partial = await services.Scoring.RecordCaseAssessmentAsync(new RecordCaseAssessmentRequest
        {
            RequestId = "partial-" + inspectionId, InspectionId = inspectionId, CaseReference = "G001", ExpectedVersion = 0,
            Answers = { new Answer { QuestionId = "2.2.1", Answer_ = "Yes" } },
        });
        var complete = await services.Scoring.RecordCaseAssessmentAsync(Complete(inspectionId, Sample[1]));
        var ratings = await RatingsAsync(inspectionId);

        Assert.False(partial.Complete);
        Assert.Equal(partial.QuestionsApplicable - 1, partial.QuestionsUnanswered);
        Assert.True(partial.QuestionsApplicable > 50, $"{partial.QuestionsApplicable} questions can apply");
        // The licence case: post-custody prompts apply, and every question that can apply is answered.
        Assert.True(complete.Complete);
        Assert.Equal(0, complete.QuestionsUnanswered);
        Assert.True(complete.QuestionsApplicable > partial.QuestionsApplicable);
        Assert.Equal((3, 1, 1, 2), (ratings.CasesInSample, ratings.CasesComplete, ratings.CasesInProgress, ratings.CasesAssessed));
        Assert.False(ratings.CanPublish);
        Assert.Contains("1 of 3 sampled cases not yet assessed", ratings.Blockers);
        Assert.Contains("1 of 3 case assessments in progress (questions not yet answered)", ratings.Blockers);
    }

    [Fact]
    public async Task Publishing_is_refused_listing_every_blocker_until_the_inspection_is_finished()
    {
        var inspectionId = await services.CreateInspectionAsync("pdu-2021-2023");
        services.SetSample(inspectionId, Sample);
        await services.Scoring.RecordCaseAssessmentAsync(Complete(inspectionId, Sample[0]));
        services.SetJudgements(inspectionId, FinalJudgements[..1]);

        var refused = await Assert.ThrowsAsync<RpcException>(() => PublishAsync(inspectionId, "early-" + inspectionId));
        var unchanged = await services.Register.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("cannot be published yet", refused.Status.Detail);
        Assert.Contains("2 of 3 sampled cases not yet assessed", refused.Status.Detail);
        Assert.Contains("1.2 Staff: no final judgement yet", refused.Status.Detail);
        Assert.Contains("1.4", refused.Status.Detail);
        Assert.Equal(("planned", ""), (unchanged.Status, unchanged.PublishedOn));

        await services.Scoring.RecordCaseAssessmentAsync(Complete(inspectionId, Sample[1]));
        await services.Scoring.RecordCaseAssessmentAsync(Complete(inspectionId, Sample[2]));
        services.SetJudgements(inspectionId, FinalJudgements);
        var ready = await RatingsAsync(inspectionId);
        Assert.True(ready.CanPublish, string.Join("; ", ready.Blockers));

        var published = await PublishAsync(inspectionId, "publish-" + inspectionId);
        Assert.Equal(("published", "2022-09-01"), (published.Status, published.PublishedOn));
        // A retry of the same request replays the first result, now that the inspection is published.
        var retried = await services.Register.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = "publish-" + inspectionId, InspectionId = inspectionId, ExpectedVersion = published.Version - 1, PublishedOn = "2022-09-01", PublishedBy = "guard-tests",
        });
        Assert.Equal(published.Version, retried.Version);
    }

    [Fact]
    public async Task A_published_inspection_takes_a_changed_assessment_or_departure_only_as_a_correction()
    {
        var inspectionId = await services.CreateInspectionAsync("pdu-2021-2023");
        services.SetSample(inspectionId, Sample);
        foreach (var @case in Sample) await services.Scoring.RecordCaseAssessmentAsync(Complete(inspectionId, @case));
        services.SetJudgements(inspectionId, FinalJudgements);
        await PublishAsync(inspectionId, "publish-" + inspectionId);
        var before = await RatingsAsync(inspectionId);

        var change = Complete(inspectionId, Sample[0], version: 1);
        change.Answers.Single(a => a.QuestionId == "2.2.1").Answer_ = "No";
        var refused = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordCaseAssessmentAsync(change).ResponseAsync);
        var departure = new RecordPanelDepartureRequest
        {
            RequestId = "departure-" + inspectionId, InspectionId = inspectionId, StandardId = "2.1", Rating = "Good", Rationale = "panel view", AgreedBy = "Panel chair",
        };
        var refusedDeparture = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordPanelDepartureAsync(departure).ResponseAsync);
        var afterRefusals = await RatingsAsync(inspectionId);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("was published on 2022-09-01", refused.Status.Detail);
        Assert.Contains("correction_reason", refused.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, refusedDeparture.StatusCode);
        // Nothing was written: the ratings are as published, message for message, and no correction is listed.
        Assert.Equal(before, afterRefusals);
        Assert.Empty(afterRefusals.Corrections);

        change.RequestId += "-corrected";
        change.CorrectionReason = "Case G001 was re-read at moderation: planning was not sufficient";
        var corrected = await services.Scoring.RecordCaseAssessmentAsync(change);
        var after = await RatingsAsync(inspectionId);

        Assert.Equal(2, corrected.Version);
        var correction = Assert.Single(after.Corrections);
        Assert.Equal(("case_assessment", "case assessment of G001", change.CorrectionReason, "guard-tests"),
            (correction.Kind, correction.Subject, correction.Reason, correction.RecordedBy));
        Assert.StartsWith(DateTime.UtcNow.ToString("yyyy-MM-dd"), correction.RecordedAt);
        var keyQuestion = after.Standards.SelectMany(s => s.KeyQuestions).Single(k => k.QuestionId == "2.2.1");
        Assert.Equal((2, 3), (keyQuestion.K, keyQuestion.N));
    }
}
