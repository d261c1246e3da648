using Inspection.Evidence.Tests.Support;
using Inspection.Evidence.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Xunit;

namespace Inspection.Evidence.Tests.Grpc;

/// <summary>
/// The proof across services over gRPC: the 2022 reference inspection's four domain-one judgements, recorded
/// here, feed assessment scoring, which computes the overall score the report published (2 of 27, Inadequate).
/// </summary>
[Collection(ServicesOverGrpc.Collection)]
public sealed class ScoringEndToEndTests(ServicesOverGrpc services)
{
    private const string Provider = ReferenceData.Birmingham2022;

    [Fact]
    public async Task Judgements_feed_scoring_and_the_overall_score_matches_the_published_one()
    {
        var published = ReferenceData.Inspection(Provider);
        var (providerId, inspectionId) = await services.CreateInspectionAsync(ReferenceData.FrameworkOf(Provider), Provider, ReferenceData.FieldworkStart(Provider));

        // The published sample's shape: 48 cases, 17 licences, 14 court reports, 7 women.
        var sample = published.GetProperty("sample");
        int cases = sample.GetProperty("cases").GetInt32(), licences = sample.GetProperty("post_release_licences").GetInt32();
        int courtReports = sample.GetProperty("court_reports").GetInt32(), women = sample.GetProperty("women").GetInt32();
        var sampled = await services.DrawWholeCaseloadAsync(providerId, inspectionId, Enumerable.Range(1, cases).Select(i => new PopulationCase
        {
            CaseReference = $"BNES{i:000}", SentenceType = i <= licences ? "licence" : "community_order", StartDate = "2021-11-15",
            Gender = i <= women ? "female" : "male", EthnicGroup = "white", RoshLevel = "medium",
            CourtReportType = i > cases - courtReports ? "standard" : "none",
        }).ToList(), "2021-11-01", "2021-11-26");

        // Each case standard's key questions answered so that k of the applicable n give the published percentage.
        var keyQuestionPct = published.GetProperty("key_question_pct").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var yesNeeded = keyQuestionPct.ToDictionary(p => p.Key, p => ClosestK(p.Value, Applicable(p.Key, sampled).Count));
        foreach (var @case in sampled)
        {
            var assessment = new RecordCaseAssessmentRequest
            {
                RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, CaseReference = @case.CaseReference, StaffGrade = "PO", AssessedBy = "inspector",
            };
            foreach (var (question, k) in yesNeeded)
            {
                var applicable = Applicable(question, sampled);
                var position = applicable.FindIndex(c => c.CaseReference == @case.CaseReference);
                assessment.Answers.Add(new Answer { QuestionId = question, Answer_ = position < 0 ? "Not applicable" : position < k ? "Yes" : "No" });
            }
            await services.Scoring.RecordCaseAssessmentAsync(assessment);
        }

        // The inspectors' domain-one judgements, with the published reasoning where the report gives it.
        var ratings = ReferenceData.Ratings(Provider);
        var rules = published.GetProperty("decision_rules_applied").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        foreach (var standard in new[] { "1.1", "1.2", "1.3", "1.4" })
            await services.Evidence.RecordJudgementAsync(new RecordJudgementRequest
            {
                RequestId = Guid.NewGuid().ToString(), InspectionId = inspectionId, StandardId = standard, Rating = ratings[standard],
                Rationale = rules.GetValueOrDefault(standard, $"Judged on the evidence for standard {standard}"), State = "final",
                RecordedBy = "lead inspector", RecordedByRole = "lead_inspector",
            });

        var result = await services.Scoring.GetInspectionRatingsAsync(new GetInspectionRatingsRequest { InspectionId = inspectionId });

        Assert.Equal((published.GetProperty("score").GetInt32(), published.GetProperty("max_score").GetInt32(), published.GetProperty("overall_rating").GetString()),
            (result.Overall.Score, result.Overall.MaxScore, result.Overall.Rating));
        Assert.Equal(ratings.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)),
            result.Standards.Where(s => s.Rated).OrderBy(s => s.StandardId, StringComparer.Ordinal).Select(s => (s.StandardId, s.FinalRating)));
        foreach (var standard in result.Standards.Where(s => s.StandardId.StartsWith("1.", StringComparison.Ordinal)))
        {
            Assert.Equal((ratings[standard.StandardId], "final"), (standard.Judgement.Rating, standard.Judgement.State));
            Assert.DoesNotContain(standard.DecisionRules, r => r.Breach);
        }
        // Every published key-question figure that k of n can give is reproduced exactly.
        foreach (var kq in result.Standards.SelectMany(s => s.KeyQuestions).Where(q => keyQuestionPct.ContainsKey(q.QuestionId)))
            if (RoundHalfUp(yesNeeded[kq.QuestionId], kq.N) == keyQuestionPct[kq.QuestionId])
                Assert.Equal(keyQuestionPct[kq.QuestionId], kq.Pct);
    }

    // Court work applies to cases with a court report; every other case key question applies to every case here
    // (all are risk-of-harm relevant, none is unpaid-work-only).
    private static List<SampledCase> Applicable(string keyQuestion, IReadOnlyList<SampledCase> sampled) =>
        sampled.Where(c => !keyQuestion.StartsWith("2.1.", StringComparison.Ordinal) || c.CourtReport).ToList();

    private static int ClosestK(int pct, int n) =>
        Enumerable.Range(0, n + 1).OrderBy(k => Math.Abs(RoundHalfUp(k, n) - pct)).ThenBy(k => k).First();

    private static int RoundHalfUp(int k, int n) => (int)Math.Round(k * 100m / n, MidpointRounding.AwayFromZero);
}
