using Inspection.Evidence.Application;
using Grpc.Core;
using V1 = Inspection.Evidence.V1;

namespace Inspection.Evidence.Services;

/// <summary>
/// The gRPC face of the service: maps messages to the application's commands and queries and back. Domain
/// exceptions become statuses in the gRPC layer (INVALID_ARGUMENT with field violations, NOT_FOUND, ABORTED...).
/// </summary>
public sealed class OrganisationalEvidenceService(EvidenceCommands commands, EvidenceQueries queries)
    : V1.OrganisationalEvidence.OrganisationalEvidenceBase
{
    public override async Task<V1.ListOrganisationalStandardsResponse> ListOrganisationalStandards(V1.ListOrganisationalStandardsRequest request, ServerCallContext context) =>
        (await queries.GetFrameworkAsync(request.FrameworkId.OrNull(), request.InspectionId.OrNull(), context.CancellationToken)).ToMessage();

    public override async Task<V1.EvidenceItem> AddEvidence(V1.AddEvidenceRequest request, ServerCallContext context) =>
        (await commands.AddEvidenceAsync(new AddEvidence(request.RequestId, request.InspectionId, request.ToInput()), context.CancellationToken)).ToMessage();

    public override async Task<V1.EvidenceItem> UpdateEvidence(V1.UpdateEvidenceRequest request, ServerCallContext context) =>
        (await commands.UpdateEvidenceAsync(new UpdateEvidence(request.RequestId, request.EvidenceId, request.ExpectedVersion, request.ToInput()),
            context.CancellationToken)).ToMessage();

    public override async Task<V1.EvidenceItem> WithdrawEvidence(V1.WithdrawEvidenceRequest request, ServerCallContext context) =>
        (await commands.WithdrawEvidenceAsync(new WithdrawEvidence(request.RequestId, request.EvidenceId, request.ExpectedVersion, request.Reason, request.WithdrawnBy),
            context.CancellationToken)).ToMessage();

    public override async Task<V1.EvidenceItem> GetEvidence(V1.GetEvidenceRequest request, ServerCallContext context) =>
        (await queries.GetEvidenceAsync(request.EvidenceId, context.CancellationToken)).ToMessage();

    public override async Task<V1.ListEvidenceResponse> ListEvidence(V1.ListEvidenceRequest request, ServerCallContext context)
    {
        var items = await queries.ListEvidenceAsync(new EvidenceFilter(request.InspectionId, request.StandardId.OrNull(), request.KeyQuestionId.OrNull(),
            request.Source.OrNull(), request.Finding.OrNull(), request.IncludeWithdrawn), context.CancellationToken);
        var response = new V1.ListEvidenceResponse();
        response.Items.AddRange(items.Select(i => i.ToMessage()));
        return response;
    }

    public override async Task<V1.GetEvidenceHistoryResponse> GetEvidenceHistory(V1.GetEvidenceHistoryRequest request, ServerCallContext context)
    {
        var versions = await queries.GetEvidenceHistoryAsync(request.EvidenceId, context.CancellationToken);
        var response = new V1.GetEvidenceHistoryResponse();
        response.Versions.AddRange(versions.Select(v => v.ToMessage()));
        return response;
    }

    public override async Task<V1.StaffingReturn> RecordStaffingReturn(V1.RecordStaffingReturnRequest request, ServerCallContext context) =>
        (await commands.RecordStaffingReturnAsync(new RecordStaffingReturn(request.RequestId, request.InspectionId,
            new Domain.StaffingReturnInput(request.AsAt, request.Figures.ToFigures(), request.RecordedBy)), context.CancellationToken)).ToMessage();

    public override async Task<V1.StaffingReturn> GetStaffingReturn(V1.GetStaffingReturnRequest request, ServerCallContext context) =>
        (await queries.GetStaffingReturnAsync(request.InspectionId, context.CancellationToken, request.Version > 0 ? request.Version : null)).ToMessage();

    public override async Task<V1.SurveyResult> RecordSurveyResult(V1.RecordSurveyResultRequest request, ServerCallContext context) =>
        (await commands.RecordSurveyResultAsync(new RecordSurveyResult(request.RequestId, request.InspectionId,
            new Domain.SurveyResultInput(request.Survey, request.Question, request.Respondents, request.Agreeing,
                request.StandardId.OrNull(), request.KeyQuestionId.OrNull(), request.RecordedBy)), context.CancellationToken)).ToMessage();

    public override async Task<V1.ListSurveyResultsResponse> ListSurveyResults(V1.ListSurveyResultsRequest request, ServerCallContext context)
    {
        var results = await queries.ListSurveyResultsAsync(request.InspectionId, request.Survey.OrNull(), context.CancellationToken);
        var response = new V1.ListSurveyResultsResponse();
        response.Results.AddRange(results.Select(r => r.ToMessage()));
        return response;
    }

    public override async Task<V1.CaseCharacteristicsTable> RecordCaseCharacteristics(V1.RecordCaseCharacteristicsRequest request, ServerCallContext context) =>
        (await commands.RecordCaseCharacteristicsAsync(new RecordCaseCharacteristics(request.RequestId, request.InspectionId,
            new Domain.CaseCharacteristicsInput(request.ComputeFromSample,
                request.Entered.Select(e => new Domain.EnteredCharacteristic(e.Characteristic, e.Value)).ToList(), request.RecordedBy)),
            context.CancellationToken)).ToMessage();

    public override async Task<V1.CaseCharacteristicsTable> GetCaseCharacteristics(V1.GetCaseCharacteristicsRequest request, ServerCallContext context) =>
        (await queries.GetCaseCharacteristicsAsync(request.InspectionId, context.CancellationToken, request.Version > 0 ? request.Version : null)).ToMessage();

    public override async Task<V1.Judgement> RecordJudgement(V1.RecordJudgementRequest request, ServerCallContext context) =>
        (await commands.RecordJudgementAsync(new RecordJudgement(request.RequestId, request.InspectionId, request.ToInput()), context.CancellationToken)).ToMessage();

    public override async Task<V1.GetJudgementsResponse> GetJudgements(V1.GetJudgementsRequest request, ServerCallContext context)
    {
        var judgements = await queries.GetJudgementsAsync(request.InspectionId, context.CancellationToken);
        var response = new V1.GetJudgementsResponse();
        response.Judgements.AddRange(judgements.Select(j => j.ToMessage()));
        return response;
    }

    public override async Task<V1.GetJudgementHistoryResponse> GetJudgementHistory(V1.GetJudgementHistoryRequest request, ServerCallContext context)
    {
        var versions = await queries.GetJudgementHistoryAsync(request.InspectionId, request.StandardId, context.CancellationToken);
        var response = new V1.GetJudgementHistoryResponse();
        response.Versions.AddRange(versions.Select(v => v.ToMessage()));
        return response;
    }

    public override async Task<V1.StandardSummary> GetStandardSummary(V1.GetStandardSummaryRequest request, ServerCallContext context) =>
        (await queries.GetStandardSummaryAsync(request.InspectionId, request.StandardId, context.CancellationToken)).ToMessage();
}
