using Grpc.Core;
using Inspection.Scoring.V1;

namespace Inspection.Scoring.Tests.Grpc;

// ListAllowedAnswers over gRPC, on the same sample as the case assessments: the answers a case may give each question
// come from the rules RecordCaseAssessment applies, so what it offers is what is accepted.
public sealed partial class CaseAssessmentsOverGrpcTests
{
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> AllowedAsync(string inspectionId, string caseReference, string standardId = "") =>
        (await services.Scoring.ListAllowedAnswersAsync(new ListAllowedAnswersRequest { InspectionId = inspectionId, CaseReference = caseReference, StandardId = standardId }))
            .Questions.ToDictionary(q => q.QuestionId, q => (IReadOnlyList<string>)q.Answers.ToList());

    [Fact]
    public async Task Each_question_is_answered_with_what_the_case_may_give()
    {
        var inspectionId = await InspectionWithSampleAsync();

        var community = await AllowedAsync(inspectionId, "A001");
        var unpaidWork = await AllowedAsync(inspectionId, "A002");
        var licence = await AllowedAsync(inspectionId, "A003", "2.4");

        Assert.Equal(["Not applicable"], community["2.4.pc1"]);
        Assert.Equal(["Yes", "No"], community["2.2.1.p1"]);
        Assert.Equal(["Not applicable"], unpaidWork["2.3.2.p1"]);
        Assert.Contains("Yes", licence["2.4.pc1"]);
        Assert.All(licence.Keys, id => Assert.StartsWith("2.4.", id));
    }

    [Fact]
    public async Task Every_answer_offered_is_one_RecordCaseAssessment_accepts()
    {
        var inspectionId = await InspectionWithSampleAsync();
        var offered = await services.Scoring.ListAllowedAnswersAsync(new ListAllowedAnswersRequest { InspectionId = inspectionId, CaseReference = "A002" });

        // The last answer offered for each question: Not applicable wherever it is offered, the strictest test of the rules.
        var request = new RecordCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = "A002", ExpectedVersion = 0, AssessedBy = "inspector A", StaffGrade = "PO" };
        request.Answers.AddRange(offered.Questions.Select(q => new Answer { QuestionId = q.QuestionId, Answer_ = q.Answers[^1] }));
        var recorded = await services.Scoring.RecordCaseAssessmentAsync(request);

        Assert.Equal(offered.Questions.Select(q => q.QuestionId).Order(StringComparer.Ordinal), recorded.Answers.Select(a => a.QuestionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_case_outside_the_sample_and_a_standard_not_of_cases_are_refused_naming_the_field()
    {
        var inspectionId = await InspectionWithSampleAsync();

        var outside = await Assert.ThrowsAsync<RpcException>(() =>
            services.Scoring.ListAllowedAnswersAsync(new ListAllowedAnswersRequest { InspectionId = inspectionId, CaseReference = "Z999" }).ResponseAsync);
        var standard = await Assert.ThrowsAsync<RpcException>(() =>
            services.Scoring.ListAllowedAnswersAsync(new ListAllowedAnswersRequest { InspectionId = inspectionId, CaseReference = "A001", StandardId = "9.9" }).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (outside.StatusCode, standard.StatusCode));
        Assert.Equal("case_reference", Assert.Single(outside.FieldViolations).Field);
        Assert.Equal("standard_id", Assert.Single(standard.FieldViolations).Field);
    }
}
