using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;

namespace Inspection.Admin.Tests;

/// <summary>
/// A case-assessed inspection (pdu-2021-2023) that can be, and optionally is, published: two sampled cases, each
/// assessed completely (Yes wherever the case allows it, else what it allows), domain one judged final, set up
/// through the services' own gRPC APIs.
/// </summary>
public static class PublishedCaseAssessedInspection
{
    public const string PublishedOn = "2022-09-01";

    public static async Task<CaseAssessedInspection> CreateAsync(AdminFixture admin, string purpose, bool publish = true)
    {
        var inspection = await CaseAssessedInspection.CreateAsync(admin, purpose, 2, (_, _) => [], caseload: 2);
        var scoring = admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
        foreach (var c in inspection.Cases)
        {
            var allowed = await scoring.ListAllowedAnswersAsync(new ListAllowedAnswersRequest { InspectionId = inspection.InspectionId, CaseReference = c.CaseReference });
            var complete = new RecordCaseAssessmentRequest
            {
                RequestId = Guid.NewGuid().ToString(), InspectionId = inspection.InspectionId, CaseReference = c.CaseReference,
                StaffGrade = "PO", AssessedBy = "admin-tests", ExpectedVersion = 1,
            };
            complete.Answers.AddRange(allowed.Questions.Select(q => new Answer { QuestionId = q.QuestionId, Answer_ = q.Answers.Contains("Yes") ? "Yes" : q.Answers[0] }));
            await scoring.RecordCaseAssessmentAsync(complete);
        }
        var evidence = admin.Evidence.CreateClient<OrganisationalEvidence.OrganisationalEvidenceClient>();
        var framework = await scoring.GetFrameworkAsync(new GetFrameworkRequest { InspectionId = inspection.InspectionId });
        foreach (var standard in framework.Domains.SelectMany(d => d.Standards).Where(s => s.Rated && !s.CaseStandard))
            await evidence.RecordJudgementAsync(new RecordJudgementRequest
            {
                RequestId = Guid.NewGuid().ToString(), InspectionId = inspection.InspectionId, StandardId = standard.StandardId, Rating = "Good",
                Rationale = "Judged on the evidence", State = "final", RecordedBy = "admin-tests", RecordedByRole = "lead_inspector",
            });
        if (publish) await PublishAsync(admin, inspection.InspectionId);
        return inspection;
    }

    public static async Task PublishAsync(AdminFixture admin, string inspectionId)
    {
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var current = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = inspectionId });
        await tracking.PublishInspectionAsync(new PublishInspectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, ExpectedVersion = current.Version, PublishedOn = PublishedOn, PublishedBy = "admin-tests",
        });
    }
}
