using Google.Protobuf;
using Inspection.Evidence.V1;
using Inspection.Testing;
using Xunit;

namespace Inspection.Evidence.Tests.Grpc;

/// <summary>
/// Every write RPC of the evidence contract, found from its descriptor, is safe to retry (RetriedWrites): a retry with
/// the same request id writes once and returns the first answer, calls at once with one id write once, and the id
/// reused for another request is ALREADY_EXISTS. A write RPC added to the contract fails here until it is given a
/// request below.
/// </summary>
[Collection(ServicesOverGrpc.Collection)]
public sealed class RetrySafetyTests(ServicesOverGrpc services)
{
    public static TheoryData<string> WriteRpcs => RetriedWrites.WriteRpcNames(OrganisationalEvidence.Descriptor);

    [Theory]
    [MemberData(nameof(WriteRpcs))]
    public async Task A_retry_with_the_same_request_id_writes_once_and_returns_the_first_answer(string rpc)
    {
        var check = new RetriedWrites(OrganisationalEvidence.Descriptor, services.EvidenceHost.Channel.CreateCallInvoker(), services.EvidenceDatabase);
        await check.CheckAsync(rpc, Requests);
    }

    [Fact]
    public void Every_write_rpc_of_the_contract_is_checked_and_no_read()
    {
        RetriedWrites.AssertEveryWriteRequested(OrganisationalEvidence.Descriptor, Requests.Keys, 7);   // Add/Update/WithdrawEvidence and the four Record* RPCs: no read slipped in unmarked
    }

    /// <summary>A valid request per write RPC for a request id; each creates what it refers to, so two requests differ.</summary>
    private IReadOnlyDictionary<string, Func<string, Task<IMessage>>> Requests => new Dictionary<string, Func<string, Task<IMessage>>>
    {
        ["AddEvidence"] = async id => Evidence(id, await InspectionAsync()),
        ["UpdateEvidence"] = async id =>
        {
            var added = await services.Evidence.AddEvidenceAsync(Evidence(Guid.NewGuid().ToString(), await InspectionAsync()));
            return new UpdateEvidenceRequest
            {
                RequestId = id, EvidenceId = added.EvidenceId, ExpectedVersion = 1, StandardId = "1.2", KeyQuestionId = "1.2.1",
                Source = "manager_meeting", EvidenceDate = "2022-06-08", Summary = "Caseloads of probation officers are too high",
                Finding = "area_for_improvement", RecordedBy = "inspector b",
            };
        },
        ["WithdrawEvidence"] = async id =>
        {
            var added = await services.Evidence.AddEvidenceAsync(Evidence(Guid.NewGuid().ToString(), await InspectionAsync()));
            return new WithdrawEvidenceRequest { RequestId = id, EvidenceId = added.EvidenceId, ExpectedVersion = 1, Reason = "Duplicate", WithdrawnBy = "inspector b" };
        },
        ["RecordStaffingReturn"] = async id => new RecordStaffingReturnRequest
        {
            RequestId = id, InspectionId = await InspectionAsync(), AsAt = "2022-05-31",
            Figures = new StaffingFigures { TotalStaffFte = 120, VacancyRatePct = 8.5 }, RecordedBy = "inspector",
        },
        ["RecordSurveyResult"] = async id => new RecordSurveyResultRequest
        {
            RequestId = id, InspectionId = await InspectionAsync(), Survey = "staff", Question = "I feel supported", Respondents = 40, Agreeing = 31,
            RecordedBy = "inspector",
        },
        ["RecordCaseCharacteristics"] = async id => new RecordCaseCharacteristicsRequest
        {
            RequestId = id, InspectionId = await InspectionAsync(), RecordedBy = "inspector",
            Entered = { new EnteredCharacteristic { Characteristic = "drug_misuse_pct", Value = 42 } },
        },
        ["RecordJudgement"] = async id => new RecordJudgementRequest
        {
            RequestId = id, InspectionId = await InspectionAsync(), StandardId = "1.1", Rating = "Good", Rationale = "Clear vision", State = "draft",
            RecordedBy = "lead",
        },
    };

    private async Task<string> InspectionAsync() => (await services.CreateInspectionAsync("pdu-2021-2023")).InspectionId;

    private static AddEvidenceRequest Evidence(string requestId, string inspectionId) => new()
    {
        RequestId = requestId, InspectionId = inspectionId, StandardId = "1.2", KeyQuestionId = "1.2.1", Source = "practitioner_interview",
        EvidenceDate = "2022-06-07", Summary = "Caseloads are too high", Finding = "area_for_improvement", RecordedBy = "inspector a",
    };
}
