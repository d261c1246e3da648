using System.Globalization;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;

namespace Inspection.Admin.Tests;

/// <summary>
/// A new inspection (pdu-2021-2023) of a new provider with 12 sampled cases, set up through the services' own gRPC
/// APIs, and key question 2.2.1 assessed in every case: Yes for the men, No for the women. With the default caseload
/// of 12 the sample is the whole caseload (six men, six women); a larger <c>caseload</c> makes it a sample of it.
/// </summary>
public sealed record CaseAssessedInspection(string InspectionId, string ProviderId, string ProviderName, IReadOnlyList<SampledCase> Cases)
{
    public static Task<CaseAssessedInspection> CreateAsync(AdminFixture admin, string purpose, int caseload = 12) =>
        CreateAsync(admin, purpose, 12, (c, _) => [("2.2.1", c.Gender == "male" ? "Yes" : "No")], caseload);

    /// <summary>As above with <paramref name="count"/> sampled cases from a caseload of <paramref name="caseload"/> (the
    /// sample itself by default; women at even positions of the caseload, men at odd ones), each answered as
    /// <paramref name="answers"/> says from the case and its position; of <paramref name="planned"/> when given (a
    /// provider's next inspection), otherwise of a new provider.</summary>
    public static async Task<CaseAssessedInspection> CreateAsync(AdminFixture admin, string purpose, int count,
        Func<SampledCase, int, IEnumerable<(string QuestionId, string Answer)>> answers, int? caseload = null, PlannedInspection? planned = null)
    {
        var sampling = admin.Sampling.CreateClient<CaseSampling.CaseSamplingClient>();
        var scoring = admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
        planned ??= await PlannedInspection.CreateAsync(admin, purpose);
        var (unique, provider, inspection) = (planned.Unique, planned.Provider, planned.Inspection);
        var snapshot = await sampling.StartPopulationImportAsync(new StartPopulationImportRequest { RequestId = "s-" + unique, ProviderId = provider.ProviderId, TakenOn = "2021-12-01" });
        var batch = new ImportPopulationRequest { SnapshotId = snapshot.SnapshotId, FirstRowNumber = 2 };
        var population = caseload ?? count;
        for (var i = 0; i < population; i++)
            batch.Cases.Add(new PopulationCase
            {
                CaseReference = $"B{i:000}", SentenceType = "community_order", StartDate = $"2021-11-{1 + i % 28:00}",
                Gender = i % 2 == 0 ? "female" : "male", EthnicGroup = "white", RoshLevel = "medium",
            });
        await sampling.ImportPopulationAsync(batch);
        await sampling.CompletePopulationImportAsync(new CompletePopulationImportRequest { SnapshotId = snapshot.SnapshotId, ExpectedCaseCount = population });
        var draw = new DrawSampleRequest
        {
            RequestId = "d-" + unique, InspectionId = inspection.InspectionId, SnapshotId = snapshot.SnapshotId, FixedSize = count, Seed = 11,
            DrawnBy = "admin-tests", Eligibility = new Eligibility(),
        };
        draw.Eligibility.Windows.Add(new DateWindow { FirstDay = "2021-11-01", LastDay = "2021-11-30" });
        var cases = (await sampling.DrawSampleAsync(draw)).Cases.Where(c => c.Status == "active").ToList();
        foreach (var c in cases)
        {
            var assessment = new RecordCaseAssessmentRequest
            {
                RequestId = $"a-{unique}-{c.CaseReference}", InspectionId = inspection.InspectionId, CaseReference = c.CaseReference,
                StaffGrade = "PO", AssessedBy = "admin-tests", ExpectedVersion = 0,
            };
            foreach (var (question, answer) in answers(c, int.Parse(c.CaseReference[1..], CultureInfo.InvariantCulture)))
                assessment.Answers.Add(new Answer { QuestionId = question, Answer_ = answer });
            await scoring.RecordCaseAssessmentAsync(assessment);
        }
        return new CaseAssessedInspection(inspection.InspectionId, provider.ProviderId, provider.Name, cases);
    }
}
