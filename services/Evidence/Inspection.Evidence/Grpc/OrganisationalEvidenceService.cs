using Inspection.Contracts.Vocabularies;
using Grpc.Core;
using V1 = Inspection.Evidence.V1;

namespace Inspection.Evidence.Grpc;

/// <summary>
/// The gRPC face of the service: maps each message to its use case (Application/) and the answer back
/// (<see cref="EvidenceMessages"/>). Domain exceptions become statuses once, in ServiceDefaults' error interceptor.
/// </summary>
public sealed class OrganisationalEvidenceService(
    OrganisationalStandards standards, EvidenceItems evidence, StaffingReturns staffing, SurveyResults surveys,
    CaseCharacteristicsTables characteristics, Judgements judgements, StandardSummaries summaries)
    : V1.OrganisationalEvidence.OrganisationalEvidenceBase
{
    public override async Task<V1.ListOrganisationalStandardsResponse> ListOrganisationalStandards(V1.ListOrganisationalStandardsRequest request, ServerCallContext context) =>
        (await standards.GetAsync(request.FrameworkId.OrNull(), request.InspectionId.OrNull(), context.CancellationToken)).ToMessage();

    public override async Task<V1.EvidenceItem> AddEvidence(V1.AddEvidenceRequest request, ServerCallContext context) =>
        (await evidence.AddAsync(new AddEvidence(request.RequestId, request.InspectionId, request.ToInput()), context.CancellationToken)).ToMessage();

    public override async Task<V1.EvidenceItem> UpdateEvidence(V1.UpdateEvidenceRequest request, ServerCallContext context) =>
        (await evidence.UpdateAsync(new UpdateEvidence(request.RequestId, request.EvidenceId, request.ExpectedVersion, request.ToInput()),
            context.CancellationToken)).ToMessage();

    public override async Task<V1.EvidenceItem> WithdrawEvidence(V1.WithdrawEvidenceRequest request, ServerCallContext context) =>
        (await evidence.WithdrawAsync(new WithdrawEvidence(request.RequestId, request.EvidenceId, request.ExpectedVersion, request.Reason, request.WithdrawnBy),
            context.CancellationToken)).ToMessage();

    public override async Task<V1.EvidenceItem> GetEvidence(V1.GetEvidenceRequest request, ServerCallContext context) =>
        (await evidence.GetAsync(request.EvidenceId, context.CancellationToken)).ToMessage();

    public override async Task<V1.ListEvidenceResponse> ListEvidence(V1.ListEvidenceRequest request, ServerCallContext context)
    {
        var items = await evidence.ListAsync(new EvidenceFilter(request.InspectionId, request.StandardId.OrNull(), request.KeyQuestionId.OrNull(),
            WireWords.EvidenceSources.Normalise(request.Source.OrNull()), WireWords.Findings.Normalise(request.Finding.OrNull()), request.IncludeWithdrawn), context.CancellationToken);
        var response = new V1.ListEvidenceResponse();
        response.Items.AddRange(items.Select(i => i.ToMessage()));
        return response;
    }

    public override async Task<V1.GetEvidenceHistoryResponse> GetEvidenceHistory(V1.GetEvidenceHistoryRequest request, ServerCallContext context)
    {
        var versions = await evidence.GetHistoryAsync(request.EvidenceId, context.CancellationToken);
        var response = new V1.GetEvidenceHistoryResponse();
        response.Versions.AddRange(versions.Select(v => v.ToMessage()));
        return response;
    }

    public override async Task<V1.StaffingReturn> RecordStaffingReturn(V1.RecordStaffingReturnRequest request, ServerCallContext context) =>
        (await staffing.RecordAsync(new RecordStaffingReturn(request.RequestId, request.InspectionId,
            new StaffingReturnInput(request.AsAt, request.Figures.ToFigures(), request.RecordedBy)), context.CancellationToken)).ToMessage();

    public override async Task<V1.StaffingReturn> GetStaffingReturn(V1.GetStaffingReturnRequest request, ServerCallContext context) =>
        (await staffing.GetAsync(request.InspectionId, request.Version > 0 ? request.Version : null, context.CancellationToken)).ToMessage();

    public override async Task<V1.SurveyResult> RecordSurveyResult(V1.RecordSurveyResultRequest request, ServerCallContext context) =>
        (await surveys.RecordAsync(new RecordSurveyResult(request.RequestId, request.InspectionId,
            new SurveyResultInput(WireWords.Surveys.Normalise(request.Survey)!, request.Question, request.Respondents, request.Agreeing,
                request.StandardId.OrNull(), request.KeyQuestionId.OrNull(), request.RecordedBy)), context.CancellationToken)).ToMessage();

    public override async Task<V1.ListSurveyResultsResponse> ListSurveyResults(V1.ListSurveyResultsRequest request, ServerCallContext context)
    {
        var results = await surveys.ListAsync(request.InspectionId, WireWords.Surveys.Normalise(request.Survey.OrNull()), context.CancellationToken);
        var response = new V1.ListSurveyResultsResponse();
        response.Results.AddRange(results.Select(r => r.ToMessage()));
        return response;
    }

    public override async Task<V1.CaseCharacteristicsTable> RecordCaseCharacteristics(V1.RecordCaseCharacteristicsRequest request, ServerCallContext context) =>
        (await characteristics.RecordAsync(new RecordCaseCharacteristics(request.RequestId, request.InspectionId,
            new CaseCharacteristicsInput(request.ComputeFromSample,
                request.Entered.Select(e => new EnteredCharacteristic(e.Characteristic, e.Value)).ToList(), request.RecordedBy)),
            context.CancellationToken)).ToMessage();

    public override async Task<V1.CaseCharacteristicsTable> GetCaseCharacteristics(V1.GetCaseCharacteristicsRequest request, ServerCallContext context) =>
        (await characteristics.GetAsync(request.InspectionId, request.Version > 0 ? request.Version : null, context.CancellationToken)).ToMessage();

    public override async Task<V1.Judgement> RecordJudgement(V1.RecordJudgementRequest request, ServerCallContext context) =>
        (await judgements.RecordAsync(new RecordJudgement(request.RequestId, request.InspectionId, request.ToInput()), context.CancellationToken)).ToMessage();

    public override async Task<V1.GetJudgementsResponse> GetJudgements(V1.GetJudgementsRequest request, ServerCallContext context)
    {
        var current = await judgements.GetCurrentAsync(request.InspectionId, context.CancellationToken);
        var response = new V1.GetJudgementsResponse();
        response.Judgements.AddRange(current.Select(j => j.ToMessage()));
        return response;
    }

    public override async Task<V1.GetJudgementHistoryResponse> GetJudgementHistory(V1.GetJudgementHistoryRequest request, ServerCallContext context)
    {
        var versions = await judgements.GetHistoryAsync(request.InspectionId, request.StandardId, context.CancellationToken);
        var response = new V1.GetJudgementHistoryResponse();
        response.Versions.AddRange(versions.Select(v => v.ToMessage()));
        return response;
    }

    public override async Task<V1.StandardSummary> GetStandardSummary(V1.GetStandardSummaryRequest request, ServerCallContext context) =>
        (await summaries.GetAsync(request.InspectionId, request.StandardId, context.CancellationToken)).ToMessage();
}
