using Grpc.Core;
using SampledCaseFacts = Inspection.Scoring.Domain.Assessments.SampledCaseFacts;
using Inspection.Scoring.V1;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>RecordCaseAssessment over gRPC: validation with field violations, optimistic concurrency, request ids,
/// moderation flags, reads and paging.</summary>
[Collection(ScoringServicesCollection.Name)]
public sealed partial class CaseAssessmentsOverGrpcTests(ScoringServices services)
{
    private static readonly SampledCaseFacts Community = SampledCaseFacts.Create("A001", "community_order", gender: "female", courtReport: true);
    private static readonly SampledCaseFacts UnpaidWorkOnly = SampledCaseFacts.Create("A002", "community_order", unpaidWorkOnly: true, gender: "male");
    private static readonly SampledCaseFacts Licence = SampledCaseFacts.Create("A003", "licence", gender: "male");

    private async Task<string> InspectionWithSampleAsync()
    {
        var inspectionId = await services.CreateInspectionAsync("pdu-2021-2023");
        services.SetSample(inspectionId, [Community, UnpaidWorkOnly, Licence]);
        return inspectionId;
    }

    private static RecordCaseAssessmentRequest Request(string inspectionId, string caseReference, long expectedVersion, params (string Id, string Answer)[] answers)
    {
        var request = new RecordCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = caseReference, ExpectedVersion = expectedVersion, AssessedBy = "inspector A", StaffGrade = "PO" };
        request.Answers.AddRange(answers.Select(a => new Answer { QuestionId = a.Id, Answer_ = a.Answer, Note = $"note on {a.Id}" }));
        return request;
    }

    [Fact]
    public async Task Answers_that_break_the_applicability_rules_are_refused_naming_the_question()
    {
        var inspectionId = await InspectionWithSampleAsync();

        var community = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordCaseAssessmentAsync(
            Request(inspectionId, "A001", 0, ("2.2.1", "Yes"), ("2.4.pc1", "Yes"), ("2.9.9", "No"), ("2.2.1.p1", "Not applicable"))).ResponseAsync);
        var unpaidWork = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordCaseAssessmentAsync(
            Request(inspectionId, "A002", 0, ("2.3.2.p1", "No"))).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, community.StatusCode);
        Assert.Equal(["answers[1].answer", "answers[2].question_id", "answers[3].answer"], community.FieldViolations.Select(v => v.Field));
        Assert.Contains("'2.4.pc1'", community.FieldViolations[0].Description);
        Assert.Contains("licence cases only", community.FieldViolations[0].Description);
        Assert.Contains("'2.9.9'", community.FieldViolations[1].Description);
        Assert.Contains("'2.2.1.p1' cannot be Not applicable", community.FieldViolations[2].Description);
        Assert.Equal("answers[0].answer", Assert.Single(unpaidWork.FieldViolations).Field);
        Assert.Contains("unpaid-work-only", unpaidWork.FieldViolations[0].Description);
        // Nothing was written.
        var notFound = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = "A001" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task A_case_outside_the_sample_and_an_unknown_inspection_are_refused()
    {
        var inspectionId = await InspectionWithSampleAsync();

        var outside = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordCaseAssessmentAsync(Request(inspectionId, "Z999", 0, ("2.2.1", "Yes"))).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordCaseAssessmentAsync(Request(Guid.NewGuid().ToString(), "A001", 0, ("2.2.1", "Yes"))).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, outside.StatusCode);
        Assert.Equal("case_reference", Assert.Single(outside.FieldViolations).Field);
        // An inspection the register does not know is the caller's error about another app's id (the status table).
        Assert.Equal(StatusCode.FailedPrecondition, unknown.StatusCode);
        Assert.StartsWith("recommendation-tracking: ", unknown.Status.Detail);
    }

    [Fact]
    public async Task Two_inspectors_cannot_silently_overwrite_each_other()
    {
        var inspectionId = await InspectionWithSampleAsync();
        var first = await services.Scoring.RecordCaseAssessmentAsync(Request(inspectionId, "A001", 0, ("2.2.1", "Yes")));

        var second = await services.Scoring.RecordCaseAssessmentAsync(Request(inspectionId, "A001", first.Version, ("2.2.1", "No")));
        var stale = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordCaseAssessmentAsync(Request(inspectionId, "A001", first.Version, ("2.2.1", "Yes"))).ResponseAsync);
        var newAgain = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordCaseAssessmentAsync(Request(inspectionId, "A001", 0, ("2.2.1", "Yes"))).ResponseAsync);

        Assert.Equal((1L, 2L), (first.Version, second.Version));
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(StatusCode.Aborted, newAgain.StatusCode);
        var stored = await services.Scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = "A001" });
        Assert.Equal(2, stored.Version);
        Assert.Equal("No", Assert.Single(stored.Answers).Answer_);
    }

    [Fact]
    public async Task Of_two_inspectors_recording_the_same_new_case_at_once_one_is_refused()
    {
        var inspectionId = await InspectionWithSampleAsync();

        var attempts = await Task.WhenAll(
            Attempt(Request(inspectionId, "A002", 0, ("2.2.1", "Yes"))),
            Attempt(Request(inspectionId, "A002", 0, ("2.2.1", "No"))));

        Assert.Equal(1, attempts.Count(a => a is null));
        Assert.Equal(StatusCode.Aborted, Assert.Single(attempts, a => a is not null)!.Value);
        var stored = await services.Scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = "A002" });
        Assert.Equal(1, stored.Version);

        async Task<StatusCode?> Attempt(RecordCaseAssessmentRequest request)
        {
            try
            {
                await services.Scoring.RecordCaseAssessmentAsync(request);
                return null;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_result_and_a_reused_id_is_refused()
    {
        var inspectionId = await InspectionWithSampleAsync();
        var request = Request(inspectionId, "A003", 0, ("2.4.pc1", "Yes"));
        request.RequestId = "retry-" + inspectionId;

        var first = await services.Scoring.RecordCaseAssessmentAsync(request);
        var retry = await services.Scoring.RecordCaseAssessmentAsync(request);
        var reused = request.Clone();
        reused.Answers[0].Answer_ = "No";
        var refused = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordCaseAssessmentAsync(reused).ResponseAsync);

        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(first.Answers, retry.Answers);
        Assert.Equal(StatusCode.AlreadyExists, refused.StatusCode);
    }

    [Fact]
    public async Task Contradictions_are_accepted_and_listed_for_moderation()
    {
        var inspectionId = await InspectionWithSampleAsync();

        var recorded = await services.Scoring.RecordCaseAssessmentAsync(Request(inspectionId, "A001", 0,
            ("2.2.1", "Yes"), ("2.2.1.p1", "No"), ("2.2.1.p2", "No"), ("2.2.1.p3", "No"), ("2.2.1.p4", "No"),
            ("2.2.2", "Yes"), ("2.2.2.p1", "Yes"), ("2.2.2.p2", "No")));

        var flag = Assert.Single(recorded.ModerationFlags);
        Assert.Equal(("2.2.1", "yes_with_every_prompt_no"), (flag.KeyQuestionId, flag.Kind));
        Assert.Equal("Yes", recorded.Answers.Single(a => a.QuestionId == "2.2.1").Answer_);
        var listed = await services.Scoring.ListModerationFlagsAsync(new ListModerationFlagsRequest { InspectionId = inspectionId });
        Assert.Equal([("A001", "2.2.1")], listed.Flags.Select(f => (f.CaseReference, f.KeyQuestionId)));
    }

    [Fact]
    public async Task Assessments_read_back_in_question_order_and_list_in_pages()
    {
        var inspectionId = await InspectionWithSampleAsync();
        await services.Scoring.RecordCaseAssessmentAsync(Request(inspectionId, "A003", 0, ("2.4.pc2", "No"), ("2.2.1.p2", "Yes"), ("2.2.1", "Yes"), ("2.2.1.p1", "No")));
        await services.Scoring.RecordCaseAssessmentAsync(Request(inspectionId, "A001", 0, ("2.2.1", "No")));
        await services.Scoring.RecordCaseAssessmentAsync(Request(inspectionId, "A002", 0, ("2.2.1", "Yes")));

        var stored = await services.Scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = "A003" });
        var first = await services.Scoring.ListCaseAssessmentsAsync(new ListCaseAssessmentsRequest { InspectionId = inspectionId, PageSize = 2 });
        var second = await services.Scoring.ListCaseAssessmentsAsync(new ListCaseAssessmentsRequest { InspectionId = inspectionId, PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(["2.2.1", "2.2.1.p1", "2.2.1.p2", "2.4.pc2"], stored.Answers.Select(a => a.QuestionId));
        Assert.Equal("note on 2.4.pc2", stored.Answers[3].Note);
        Assert.Equal(("pdu-2021-2023", 64), (stored.FrameworkId, stored.FrameworkVersion.Length));
        Assert.Equal(3, first.Total);
        Assert.Equal(["A001", "A002"], first.CaseAssessments.Select(a => a.CaseReference));
        Assert.Equal(["A003"], second.CaseAssessments.Select(a => a.CaseReference));
        Assert.Equal("", second.NextPageToken);
    }

    [Fact]
    public async Task An_inspection_recorded_from_published_results_takes_no_case_assessments()
    {
        var inspectionId = await InspectionWithSampleAsync();
        await services.Scoring.RecordPublishedResultsAsync(new RecordPublishedResultsRequest { InspectionId = inspectionId, RequestId = "pub-" + inspectionId });

        var refused = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordCaseAssessmentAsync(Request(inspectionId, "A001", 0, ("2.2.1", "Yes"))).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
    }
}
