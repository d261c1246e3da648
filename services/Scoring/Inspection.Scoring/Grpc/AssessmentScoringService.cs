using Grpc.Core;
using Inspection.Contracts.Vocabularies;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Frameworks;
using Inspection.Scoring.V1;
using Framework = Inspection.Scoring.V1.Framework;

namespace Inspection.Scoring.Grpc;

/// <summary>The gRPC face of assessment scoring: maps messages to the use cases and results back. No rules here.</summary>
public sealed class AssessmentScoringService(
    FrameworkCatalogue catalogue,
    InspectionFrameworks frameworks,
    CaseAssessments assessments,
    ModerationFlags moderation,
    PanelDepartures departures,
    PublishedReports reports,
    ComputedRatings computed,
    PublishedRecord published,
    CaseAnswerRules answerRules,
    ChangeBetweenInspections changes) : AssessmentScoring.AssessmentScoringBase
{
    public override async Task<CompareKeyQuestionsResponse> CompareKeyQuestions(CompareKeyQuestionsRequest request, ServerCallContext context) =>
        (await changes.CompareAsync(request.EarlierInspectionId, request.LaterInspectionId, request.KeyQuestionIds, request.StandardIds, request.Judgement,
            context.CancellationToken)).ToMessage();

    public override async Task<ListAllowedAnswersResponse> ListAllowedAnswers(ListAllowedAnswersRequest request, ServerCallContext context) =>
        new()
        {
            Questions =
            {
                (await answerRules.ForCaseAsync(request.InspectionId, request.CaseReference, request.StandardId, context.CancellationToken)).Select(e =>
                    new AllowedAnswers { QuestionId = e.QuestionId, StandardId = e.StandardId, Answers = { e.Answers.Select(a => a.Word()) }, Reason = e.Reason }),
            },
        };

    public override Task<ListFrameworksResponse> ListFrameworks(ListFrameworksRequest request, ServerCallContext context)
    {
        var response = new ListFrameworksResponse();
        response.Frameworks.AddRange(catalogue.All.Select(ScoringMessages.ToSummary));
        return Task.FromResult(response);
    }

    public override async Task<Framework> GetFramework(GetFrameworkRequest request, ServerCallContext context)
    {
        if (!string.IsNullOrEmpty(request.InspectionId))
            return ScoringMessages.ToMessage((await frameworks.OfAsync(request.InspectionId, context.CancellationToken)).Framework);
        RequestIds.Require("framework_id", request.FrameworkId);
        return ScoringMessages.ToMessage(catalogue.Get(request.FrameworkId));
    }

    public override async Task<CaseAssessment> RecordCaseAssessment(RecordCaseAssessmentRequest request, ServerCallContext context)
    {
        var command = new CaseAssessmentCommand(
            request.InspectionId,
            request.CaseReference,
            // Words under the one word rule (README "Words on the wire"): an accepted spelling becomes the canonical word
            // before the domain checks it; anything else the domain refuses naming the allowed answers.
            request.Answers.Select(a => new AnswerInput(a.QuestionId, WireWords.AnswerValues.Normalise(a.Answer_) ?? "", a.Note)).ToList(),
            request.StaffGrade,
            request.AssessedBy,
            request.ExpectedVersion,
            request.CorrectionReason);
        var (stored, framework) = await assessments.RecordAsync(command, request.LedgerKey(), context.CancellationToken);
        return ScoringMessages.ToMessage(stored, framework);
    }

    public override async Task<CaseAssessment> GetCaseAssessment(GetCaseAssessmentRequest request, ServerCallContext context)
    {
        var (assessment, framework) = await assessments.GetAsync(request.InspectionId, request.CaseReference, request.SampleId, context.CancellationToken);
        return ScoringMessages.ToMessage(assessment, framework);
    }

    public override async Task<ListCaseAssessmentsResponse> ListCaseAssessments(ListCaseAssessmentsRequest request, ServerCallContext context)
    {
        var after = string.IsNullOrEmpty(request.PageToken) ? ((string, string)?)null : PageToken.Decode(request.PageToken);
        var (page, total, setAside, next, framework) = await assessments.ListAsync(request.InspectionId, request.PageSize, after, context.CancellationToken);
        var response = new ListCaseAssessmentsResponse { Total = total, SetAside = setAside, NextPageToken = next is { } last ? PageToken.Encode(last) : "" };
        response.CaseAssessments.AddRange(page.Select(a => ScoringMessages.ToMessage(a, framework)));
        return response;
    }

    public override async Task<ListModerationFlagsResponse> ListModerationFlags(ListModerationFlagsRequest request, ServerCallContext context)
    {
        var response = new ListModerationFlagsResponse();
        response.Flags.AddRange((await moderation.ListAsync(request.InspectionId, context.CancellationToken)).Select(ScoringMessages.ToMessage));
        return response;
    }

    public override async Task<Inspection.Scoring.V1.ModerationFlag> ResolveModerationFlag(ResolveModerationFlagRequest request, ServerCallContext context) =>
        ScoringMessages.ToMessage(await moderation.ResolveAsync(new Application.ResolveModerationFlag(
            request.InspectionId,
            request.CaseReference,
            request.KeyQuestionId,
            WireWords.ModerationResolutions.Parse("resolution", request.Resolution),
            request.Note,
            WireWords.AnswerValues.Normalise(request.Answer) ?? "",
            request.ResolvedBy,
            request.CorrectionReason), request.LedgerKey(), context.CancellationToken));

    public override async Task<PublishedResults> RecordPublishedResults(RecordPublishedResultsRequest request, ServerCallContext context)
    {
        var (stored, framework) = await reports.RecordAsync(request.InspectionId, ScoringMessages.ToInput(request), request.Source, request.RecordedBy,
            request.CorrectionReason, request.LedgerKey(), context.CancellationToken);
        return ScoringMessages.ToMessage(stored, framework);
    }

    public override Task<InspectionRatings> GetInspectionRatings(GetInspectionRatingsRequest request, ServerCallContext context) =>
        published.RatingsAsync(request.InspectionId, context.CancellationToken);

    public override async Task<PanelDeparture> RecordPanelDeparture(RecordPanelDepartureRequest request, ServerCallContext context) =>
        ScoringMessages.ToMessage(await departures.RecordAsync(request.InspectionId, request.StandardId, WireWords.Ratings.Normalise(request.Rating) ?? "", request.Rationale, request.AgreedBy,
            request.CorrectionReason, request.RecordedBy, request.LedgerKey(), context.CancellationToken), request.InspectionId);

    public override async Task<Breakdown> GetBreakdown(GetBreakdownRequest request, ServerCallContext context) =>
        ScoringMessages.ToMessage(await computed.GetBreakdownAsync(request.InspectionId, request.Attribute, context.CancellationToken), request.InspectionId);

    public override Task<PromptResults> GetPromptResults(GetPromptResultsRequest request, ServerCallContext context) =>
        published.PromptsAsync(request.InspectionId, context.CancellationToken);

    public override async Task<NationalRollup> GetNationalRollup(GetNationalRollupRequest request, ServerCallContext context) =>
        ScoringMessages.ToMessage(await published.RollupAsync(request.FrameworkId, context.CancellationToken));

    public override Task<PublishedFigures> RecordPublishedFigures(RecordPublishedFiguresRequest request, ServerCallContext context) =>
        published.RecordAtPublicationAsync(request.InspectionId, request.PublishedOn, request.PublishedBy, request.LedgerKey(), context.CancellationToken);

    public override Task<PublishedFigures> GetPublishedFigures(GetPublishedFiguresRequest request, ServerCallContext context) =>
        published.VersionsAsync(request.InspectionId, context.CancellationToken);

    public override async Task<ListPublishedFigureReviewsResponse> ListPublishedFigureReviews(ListPublishedFigureReviewsRequest request, ServerCallContext context)
    {
        var (reviews, checkedCount) = await published.ReviewsAsync(request.InspectionId, context.CancellationToken);
        var response = new ListPublishedFigureReviewsResponse { InspectionsChecked = checkedCount };
        response.Reviews.AddRange(reviews);
        return response;
    }

    public override Task<PublishedFigures> RecordPublishedFiguresCorrection(RecordPublishedFiguresCorrectionRequest request, ServerCallContext context) =>
        published.CorrectAsync(request.InspectionId, request.ExpectedVersion, request.CorrectionReason, request.RecordedBy, request.LedgerKey(),
            context.CancellationToken);
}
