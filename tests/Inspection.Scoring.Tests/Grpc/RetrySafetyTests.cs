using Google.Protobuf;
using Inspection.Recommendations.V1;
using Inspection.Scoring.Tests.Reference;
using Inspection.Scoring.V1;
using Inspection.Testing;
using Npgsql;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// Every write RPC of the assessment scoring contract, found from its descriptor, is safe to retry (RetriedWrites): a
/// retry with the same request id writes once and returns the first answer, calls at once with one id write once, and
/// the id reused for another request is ALREADY_EXISTS. A write RPC added to the contract fails here until it is given
/// a request below. Each request is for an inspection of its own, so two requests for one id differ.
/// </summary>
[Collection(SampledScoringServicesCollection.Name)]
public sealed class RetrySafetyTests(SampledScoringServices services)
{
    public static TheoryData<string> WriteRpcs => RetriedWrites.WriteRpcNames(AssessmentScoring.Descriptor);

    [Theory]
    [MemberData(nameof(WriteRpcs))]
    public async Task A_retry_with_the_same_request_id_writes_once_and_returns_the_first_answer(string rpc)
    {
        var check = new RetriedWrites(AssessmentScoring.Descriptor, services.Host.Channel.CreateCallInvoker(), services.ScoringDatabase);
        await check.CheckAsync(rpc, Requests);
    }

    [Fact]
    public void Every_write_rpc_of_the_contract_is_checked_and_no_read()
    {
        // The case assessment, the published results, the panel departure, the published figures and their correction,
        // a moderation flag's resolution.
        RetriedWrites.AssertEveryWriteRequested(AssessmentScoring.Descriptor, Requests.Keys, 6);
    }

    private IReadOnlyDictionary<string, Func<string, Task<IMessage>>> Requests => new Dictionary<string, Func<string, Task<IMessage>>>
    {
        ["RecordCaseAssessment"] = async id =>
        {
            var (inspectionId, snapshotId) = await services.InspectionWithCaseloadAsync(12);
            await services.DrawAsync(inspectionId, snapshotId, size: 4, seed: 3);
            var @case = (await services.ActiveCasesAsync(inspectionId))[0];
            var request = new RecordCaseAssessmentRequest
            {
                RequestId = id, InspectionId = inspectionId, CaseReference = @case.CaseReference, StaffGrade = "PO", AssessedBy = "inspector a",
            };
            request.Answers.AddRange(CompleteAnswers.For(Domain.Frameworks.Pdu2021, @case, "Yes"));
            return request;
        },
        ["RecordPanelDeparture"] = async id => new RecordPanelDepartureRequest
        {
            RequestId = id, InspectionId = await NewInspectionAsync(), StandardId = "2.1", Rating = "Good",
            Rationale = "The panel weighed the interviews with staff", AgreedBy = "panel chair",
        },
        ["RecordPublishedResults"] = async id => Published(id, await NewInspectionAsync()),
        ["RecordPublishedFigures"] = async id =>
        {
            var inspectionId = await NewInspectionAsync();
            await services.Scoring.RecordPublishedResultsAsync(Published("results-" + inspectionId, inspectionId));
            return new RecordPublishedFiguresRequest { RequestId = id, InspectionId = inspectionId, PublishedOn = "2022-09-01", PublishedBy = "lead inspector" };
        },
        ["ResolveModerationFlag"] = async id =>
        {
            var (inspectionId, flagged) = await ModerationOverGrpcTests.InspectionWithAFlagAsync(services, "No", "Yes");
            var request = ModerationOverGrpcTests.Resolve(inspectionId, flagged, "answer_kept", "Kept at moderation");
            request.RequestId = id;
            return request;
        },
        ["RecordPublishedFiguresCorrection"] = async id => new RecordPublishedFiguresCorrectionRequest
        {
            RequestId = id, InspectionId = await PublishedWithAChangedAnswerAsync(), ExpectedVersion = 1,
            CorrectionReason = "Case re-read at moderation", RecordedBy = "lead inspector",
        },
    };

    private static RecordPublishedResultsRequest Published(string requestId, string inspectionId)
    {
        var request = ReferenceRecording.PublishedRequest(inspectionId, Domain.PublishedResultsTests.InputFor(ReferenceInspection.Load("Birmingham")));
        request.RequestId = requestId;
        return request;
    }

    private async Task<string> NewInspectionAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var provider = await services.Register.CreateProviderAsync(new CreateProviderRequest
        {
            RequestId = "retry-p-" + unique, Name = "Retried PDU " + unique, Type = "pdu", Region = "London", CreatedBy = "retry-tests",
        });
        var inspection = await services.Register.CreateInspectionAsync(new CreateInspectionRequest
        {
            RequestId = "retry-i-" + unique, ProviderId = provider.ProviderId, FrameworkId = "pdu-2021-2023", FieldworkStart = "2022-06-06", CreatedBy = "retry-tests",
        });
        return inspection.InspectionId;
    }

    /// <summary>A published inspection of four cases whose stored answer to 2.2.1 was changed since, so a correction
    /// has something to store.</summary>
    private async Task<string> PublishedWithAChangedAnswerAsync()
    {
        var (inspectionId, snapshotId) = await services.InspectionWithCaseloadAsync(12);
        await services.DrawAsync(inspectionId, snapshotId, size: 4, seed: 3);
        services.SetFinalJudgements(inspectionId);
        var cases = await services.ActiveCasesAsync(inspectionId);
        for (var i = 0; i < cases.Count; i++) await services.AssessAsync(inspectionId, cases[i], i == 0 ? "No" : "Yes");
        var current = await services.Register.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId });
        await services.Register.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = "publish-" + inspectionId, InspectionId = inspectionId, ExpectedVersion = current.Version, PublishedOn = "2022-09-01", PublishedBy = "retry-tests",
        });
        await using var dataSource = NpgsqlDataSource.Create(services.ScoringDatabase);
        await using var change = dataSource.CreateCommand(
            "UPDATE key_question_answers SET answer = 'Yes' WHERE inspection_id = $1 AND question_id = '2.2.1' AND answer = 'No'");
        change.Parameters.AddWithValue(inspectionId);
        Assert.True(await change.ExecuteNonQueryAsync() > 0);
        return inspectionId;
    }
}
