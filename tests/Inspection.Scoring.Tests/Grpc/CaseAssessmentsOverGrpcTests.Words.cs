using Grpc.Core;
using Inspection.Contracts.Vocabularies;
using AnswerWords = Inspection.Scoring.Domain.Assessments.AnswerWords;
using Inspection.Scoring.V1;

namespace Inspection.Scoring.Tests.Grpc;

// Answer words under the one word rule (README "Words on the wire"), as the other three services read theirs: another
// case or spacing is the canonical word, anything else is refused naming the field and the allowed answers.
public sealed partial class CaseAssessmentsOverGrpcTests
{
    [Fact]
    public async Task An_answer_spelt_with_other_case_or_spacing_is_recorded_as_the_canonical_word()
    {
        var inspectionId = await InspectionWithSampleAsync();
        var request = new RecordCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = "A002", ExpectedVersion = 0, AssessedBy = "inspector A", StaffGrade = "PO" };
        request.Answers.Add(new Answer { QuestionId = "2.2.1.p1", Answer_ = "yes" });
        request.Answers.Add(new Answer { QuestionId = "2.3.2.p1", Answer_ = "NOT-APPLICABLE" });

        var recorded = await services.Scoring.RecordCaseAssessmentAsync(request);

        Assert.Equal("Yes", recorded.Answers.Single(a => a.QuestionId == "2.2.1.p1").Answer_);
        Assert.Equal("Not applicable", recorded.Answers.Single(a => a.QuestionId == "2.3.2.p1").Answer_);
    }

    [Fact]
    public async Task An_answer_that_is_no_answer_word_is_refused_naming_the_field_and_the_words()
    {
        var inspectionId = await InspectionWithSampleAsync();
        var request = new RecordCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = "A001", ExpectedVersion = 0, AssessedBy = "inspector A", StaffGrade = "PO" };
        request.Answers.Add(new Answer { QuestionId = "2.2.1.p1", Answer_ = "maybe" });

        var refused = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordCaseAssessmentAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violation = Assert.Single(refused.FieldViolations);
        Assert.StartsWith("answers[0]", violation.Field);
        Assert.All(AnswerWords.All, word => Assert.Contains(word, violation.Description));
    }

    [Fact]
    public void Scorings_answer_words_are_the_contracts()
    {
        Assert.Equal(WireWords.AnswerValues.Words, AnswerWords.All);
    }
}
