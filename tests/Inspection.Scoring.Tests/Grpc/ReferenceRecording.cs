using Inspection.Scoring.Domain.Ratings;
using Inspection.Scoring.Tests.Domain;
using Inspection.Scoring.Tests.Reference;
using Inspection.Scoring.V1;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>Records a reference inspection through the service's RPCs: from case level, or as published results.</summary>
public static class ReferenceRecording
{
    public static async Task<(string InspectionId, ReferenceSample Sample)> FromCaseAssessmentsAsync(ScoringServices services, ReferenceInspection reference)
    {
        var framework = Frameworks.Catalog.Get(reference.FrameworkId);
        var sample = ReferenceCaseBuilder.Build(framework, reference);
        var inspectionId = await services.CreateInspectionAsync(reference.FrameworkId);
        services.SetSample(inspectionId, sample.Cases);
        // Domain one is judged: the stand-in for organisational evidence returns the published judgements, with the
        // report's rationale where a judgement departed from a decision rule's default.
        services.SetJudgements(inspectionId, reference.Ratings
            .Where(r => framework.FindStandard(r.Key)?.IsJudged == true)
            .Select(r => (r.Key, r.Value, reference.DecisionRulesApplied.GetValueOrDefault(r.Key, ""))));
        foreach (var @case in sample.Cases)
        {
            var request = new RecordCaseAssessmentRequest
            {
                RequestId = $"{inspectionId}/{@case.CaseReference}",
                InspectionId = inspectionId,
                CaseReference = @case.CaseReference,
                StaffGrade = ReferenceCaseBuilder.StaffGradeOf(@case),
                AssessedBy = "inspector A",
                ExpectedVersion = 0,
            };
            request.Answers.AddRange(sample.Answers[@case.CaseReference].Select(a => new Answer { QuestionId = a.QuestionId, Answer_ = a.Answer, Note = a.Note }));
            await services.Scoring.RecordCaseAssessmentAsync(request);
        }
        // Moderated before publication (issue 22): the rebuilt answers that contradict their prompts are the answers
        // behind the published figures, so each flag is resolved as kept.
        var flags = await services.Scoring.ListModerationFlagsAsync(new ListModerationFlagsRequest { InspectionId = inspectionId });
        foreach (var flag in flags.Flags)
            await services.Scoring.ResolveModerationFlagAsync(new ResolveModerationFlagRequest
            {
                RequestId = $"{inspectionId}/moderation/{flag.CaseReference}/{flag.KeyQuestionId}", InspectionId = inspectionId,
                CaseReference = flag.CaseReference, KeyQuestionId = flag.KeyQuestionId, Resolution = "answer_kept",
                Note = "The published figures rest on this answer", ResolvedBy = "lead inspector",
            });
        return (inspectionId, sample);
    }

    public static async Task<string> FromPublishedResultsAsync(ScoringServices services, ReferenceInspection reference)
    {
        var inspectionId = await services.CreateInspectionAsync(reference.FrameworkId);
        await services.Scoring.RecordPublishedResultsAsync(PublishedRequest(inspectionId, PublishedResultsTests.InputFor(reference)));
        return inspectionId;
    }

    public static RecordPublishedResultsRequest PublishedRequest(string inspectionId, PublishedResultsInput input)
    {
        var request = new RecordPublishedResultsRequest
        {
            RequestId = "published-" + inspectionId,
            InspectionId = inspectionId,
            Source = "reference-inspections.json",
            RecordedBy = "scoring-tests",
        };
        request.KeyQuestions.AddRange(input.KeyQuestions.Select(Figure));
        request.Prompts.AddRange(input.Prompts.Select(Figure));
        request.Ratings.AddRange(input.Ratings.Select(r => new V1.PublishedRating { StandardId = r.StandardId, Rating = r.Rating, Note = r.Note }));
        request.Criteria.AddRange(input.Criteria.Select(c => new PublishedCriterion { CriterionId = c.CriterionId, Pct = c.Pct }));
        request.Section4Grades.AddRange(input.Section4Grades.Select(g => new PublishedGrade { CriterionId = g.CriterionId, Grade = g.Grade }));
        if (input.RiskOfHarmThreadPct is { } thread) request.RiskOfHarmThreadPct = thread;
        return request;
    }

    private static V1.PublishedFigure Figure(PublishedFigureInput f)
    {
        var figure = new V1.PublishedFigure { QuestionId = f.QuestionId, Pct = f.Pct };
        if (f.Applicable is { } n) figure.N = n;
        if (f.Yes is { } k) figure.K = k;
        return figure;
    }
}
