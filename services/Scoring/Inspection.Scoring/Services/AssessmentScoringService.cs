using Grpc.Core;
using Inspection.Scoring.Application;
using Inspection.Scoring.Domain.Assessments;
using FrameworkCatalog = Inspection.Scoring.Domain.Frameworks.FrameworkCatalog;
using Inspection.Scoring.V1;

namespace Inspection.Scoring.Services;

/// <summary>The gRPC face of assessment scoring: maps messages to the use cases and results back. No rules here.</summary>
public sealed class AssessmentScoringService(InspectionScoring scoring, PublishedRecord published, FrameworkCatalog catalog) : AssessmentScoring.AssessmentScoringBase
{
    public override Task<ListFrameworksResponse> ListFrameworks(ListFrameworksRequest request, ServerCallContext context)
    {
        var response = new ListFrameworksResponse();
        response.Frameworks.AddRange(catalog.All.Select(ContractMapping.ToSummary));
        return Task.FromResult(response);
    }

    public override async Task<Framework> GetFramework(GetFrameworkRequest request, ServerCallContext context)
    {
        if (!string.IsNullOrEmpty(request.InspectionId))
            return ContractMapping.ToMessage((await scoring.FrameworkOfAsync(request.InspectionId, context.CancellationToken)).Framework);
        if (string.IsNullOrWhiteSpace(request.FrameworkId))
            throw new Inspection.Domain.ValidationException("framework_id", "a framework id or an inspection id is required");
        return ContractMapping.ToMessage(catalog.Get(request.FrameworkId));
    }

    public override async Task<CaseAssessment> RecordCaseAssessment(RecordCaseAssessmentRequest request, ServerCallContext context)
    {
        var command = new CaseAssessmentCommand(
            request.InspectionId,
            request.CaseReference,
            request.Answers.Select(a => new AnswerInput(a.QuestionId, a.Answer_, a.Note)).ToList(),
            request.StaffGrade,
            request.AssessedBy,
            request.ExpectedVersion,
            request.CorrectionReason);
        var key = RequestKeys.For(request, request.RequestId, r => r.RequestId = "");
        var stored = await scoring.RecordCaseAssessmentAsync(command, key, context.CancellationToken);
        await published.FollowCorrectionAsync(request.InspectionId, request.CorrectionReason, request.AssessedBy, context.CancellationToken);
        var (framework, _) = await scoring.FrameworkOfAsync(request.InspectionId, context.CancellationToken);
        return ContractMapping.ToMessage(stored, framework);
    }

    public override async Task<CaseAssessment> GetCaseAssessment(GetCaseAssessmentRequest request, ServerCallContext context)
    {
        var (assessment, framework) = await scoring.GetCaseAssessmentAsync(request.InspectionId, request.CaseReference, request.SampleId, context.CancellationToken);
        return ContractMapping.ToMessage(assessment, framework);
    }

    public override async Task<ListCaseAssessmentsResponse> ListCaseAssessments(ListCaseAssessmentsRequest request, ServerCallContext context)
    {
        var after = string.IsNullOrEmpty(request.PageToken) ? ((string, string)?)null : PageToken.Decode(request.PageToken);
        var (page, total, setAside, next, framework) = await scoring.ListCaseAssessmentsAsync(request.InspectionId, request.PageSize, after, context.CancellationToken);
        var response = new ListCaseAssessmentsResponse { Total = total, SetAside = setAside, NextPageToken = next is { } last ? PageToken.Encode(last) : "" };
        response.CaseAssessments.AddRange(page.Select(a => ContractMapping.ToMessage(a, framework)));
        return response;
    }

    public override async Task<ListModerationFlagsResponse> ListModerationFlags(ListModerationFlagsRequest request, ServerCallContext context)
    {
        var response = new ListModerationFlagsResponse();
        response.Flags.AddRange((await scoring.ListModerationFlagsAsync(request.InspectionId, context.CancellationToken)).Select(ContractMapping.ToMessage));
        return response;
    }

    public override async Task<PublishedResults> RecordPublishedResults(RecordPublishedResultsRequest request, ServerCallContext context)
    {
        var key = RequestKeys.For(request, request.RequestId, r => r.RequestId = "");
        var (stored, framework) = await scoring.RecordPublishedResultsAsync(
            request.InspectionId, ContractMapping.ToInput(request), request.Source, request.RecordedBy, key, context.CancellationToken, request.CorrectionReason);
        await published.AfterPublishedResultsAsync(request.InspectionId, request.CorrectionReason, request.RecordedBy, context.CancellationToken);
        return ContractMapping.ToMessage(stored, framework);
    }

    public override Task<InspectionRatings> GetInspectionRatings(GetInspectionRatingsRequest request, ServerCallContext context) =>
        published.RatingsAsync(request.InspectionId, context.CancellationToken);

    public override async Task<PanelDeparture> RecordPanelDeparture(RecordPanelDepartureRequest request, ServerCallContext context)
    {
        var key = RequestKeys.For(request, request.RequestId, r => r.RequestId = "");
        var departure = await scoring.RecordPanelDepartureAsync(
            request.InspectionId, request.StandardId, request.Rating, request.Rationale, request.AgreedBy, key, context.CancellationToken,
            request.CorrectionReason, request.RecordedBy);
        await published.FollowCorrectionAsync(request.InspectionId, request.CorrectionReason,
            string.IsNullOrWhiteSpace(request.RecordedBy) ? request.AgreedBy : request.RecordedBy, context.CancellationToken);
        return ContractMapping.ToMessage(departure, request.InspectionId);
    }

    public override async Task<Breakdown> GetBreakdown(GetBreakdownRequest request, ServerCallContext context) =>
        ContractMapping.ToMessage(await scoring.GetBreakdownAsync(request.InspectionId, request.Attribute, context.CancellationToken), request.InspectionId);

    public override Task<PromptResults> GetPromptResults(GetPromptResultsRequest request, ServerCallContext context) =>
        published.PromptsAsync(request.InspectionId, context.CancellationToken);

    public override async Task<NationalRollup> GetNationalRollup(GetNationalRollupRequest request, ServerCallContext context) =>
        ContractMapping.ToMessage(await published.RollupAsync(request.FrameworkId, context.CancellationToken));

    public override Task<PublishedFigures> RecordPublishedFigures(RecordPublishedFiguresRequest request, ServerCallContext context) =>
        published.RecordAtPublicationAsync(request.InspectionId, request.PublishedOn, request.PublishedBy, context.CancellationToken);

    public override Task<PublishedFigures> GetPublishedFigures(GetPublishedFiguresRequest request, ServerCallContext context) =>
        published.VersionsAsync(request.InspectionId, context.CancellationToken);

    public override async Task<ListPublishedFigureReviewsResponse> ListPublishedFigureReviews(ListPublishedFigureReviewsRequest request, ServerCallContext context)
    {
        var (reviews, checkedCount) = await published.ReviewsAsync(request.InspectionId, context.CancellationToken);
        var response = new ListPublishedFigureReviewsResponse { InspectionsChecked = checkedCount };
        response.Reviews.AddRange(reviews);
        return response;
    }

    public override Task<PublishedFigures> RecordPublishedFiguresCorrection(RecordPublishedFiguresCorrectionRequest request, ServerCallContext context)
    {
        var key = RequestKeys.For(request, request.RequestId, r => r.RequestId = "");
        return published.CorrectAsync(request.InspectionId, request.ExpectedVersion, request.CorrectionReason, request.RecordedBy, key, context.CancellationToken);
    }
}
