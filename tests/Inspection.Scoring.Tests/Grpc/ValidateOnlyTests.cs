using Grpc.Core;
using Inspection.Scoring.V1;
using Npgsql;
using SampledCaseFacts = Inspection.Scoring.Domain.Assessments.SampledCaseFacts;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// Issue 22, every error of a form at once: a case assessment asked with validate_only runs every check (the sample
/// asked of case sampling included), tells every wrong answer together and writes nothing; one that passes is answered
/// OK and is still not recorded.
/// </summary>
[Collection(ScoringServicesCollection.Name)]
public sealed class ValidateOnlyTests(ScoringServices services)
{
    private static readonly SampledCaseFacts Community = SampledCaseFacts.Create("V001", "community_order", gender: "female", courtReport: true);

    private async Task<long> AuditEventsAsync()
    {
        await using var connection = new NpgsqlConnection(services.ScoringDatabase);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from audit.events", connection);
        return Convert.ToInt64(await count.ExecuteScalarAsync());
    }

    private static RecordCaseAssessmentRequest Request(string inspectionId, params (string Id, string Answer)[] answers)
    {
        var request = new RecordCaseAssessmentRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, CaseReference = "V001", ExpectedVersion = 0, AssessedBy = "inspector A",
            StaffGrade = "PO", ValidateOnly = true,
        };
        request.Answers.AddRange(answers.Select(a => new Answer { QuestionId = a.Id, Answer_ = a.Answer, Note = $"note on {a.Id}" }));
        return request;
    }

    [Fact]
    public async Task Every_wrong_answer_is_told_at_once_and_nothing_is_written()
    {
        var inspectionId = await services.CreateInspectionAsync("pdu-2021-2023");
        services.SetSample(inspectionId, [Community]);
        var before = await AuditEventsAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.RecordCaseAssessmentAsync(
            Request(inspectionId, ("2.2.1", "Yes"), ("2.4.pc1", "Yes"), ("2.9.9", "No"), ("2.2.1.p1", "Not applicable"))).ResponseAsync);
        var passed = await services.Scoring.RecordCaseAssessmentAsync(Request(inspectionId, ("2.2.1", "Yes")));
        var notRecorded = await Assert.ThrowsAsync<RpcException>(() => services.Scoring.GetCaseAssessmentAsync(
            new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = "V001" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["answers[1].answer", "answers[2].question_id", "answers[3].answer"], refused.FieldViolations.Select(v => v.Field));
        Assert.Equal("", passed.CaseReference);
        Assert.Equal(StatusCode.NotFound, notRecorded.StatusCode);
        Assert.Equal(before, await AuditEventsAsync());
    }
}
