using System.Text;
using Inspection.Sampling.V1;
using Inspection.Statistics.Tests;

namespace Inspection.Scoring.Tests.Grpc;

/// <summary>
/// Issue 21's proof end to end: a sample drawn by the real case sampling (stratified by gender and risk, with a quota
/// that over-samples women, so not self-weighting), assessed over gRPC; every key question's design interval and
/// caseload estimate served by GetInspectionRatings equals R's <c>svyciprop(method = "beta")</c> on the same cases, to 1e-9.
/// </summary>
[Collection(SampledScoringServicesCollection.Name)]
public sealed class DesignIntervalOverGrpcTests(SampledScoringServices services)
{
    [Fact]
    public async Task Each_key_questions_design_interval_served_over_grpc_equals_Rs_svyciprop_on_the_same_cases()
    {
        var (inspectionId, snapshotId) = await services.InspectionWithCaseloadAsync(160);
        var draw = new DrawSampleRequest
        {
            RequestId = $"d-{inspectionId}", InspectionId = inspectionId, SnapshotId = snapshotId, FixedSize = 48, Seed = 21,
            DrawnBy = "issue-21-tests", Eligibility = new Eligibility(),
        };
        draw.Eligibility.Windows.Add(new DateWindow { FirstDay = "2021-11-01", LastDay = "2021-11-30" });
        draw.StratifyBy.Add(["gender", "rosh_level"]);
        draw.Quotas.Add(new Quota { Attribute = "gender", Values = { "female" }, Minimum = 24 });
        var sample = await services.Sampling.DrawSampleAsync(draw);
        var population = sample.Strata.ToDictionary(s => s.Key, s => s.Population);

        // Every case answers Yes or No by its number, so the key questions that apply to part of the sample differ.
        var cases = await services.ActiveCasesAsync(inspectionId);
        var words = cases.ToDictionary(c => c.CaseReference, c => int.Parse(c.CaseReference[1..]) % 7 is 0 or 3 or 5 ? "No" : "Yes");
        foreach (var @case in cases) await services.AssessAsync(inspectionId, @case, words[@case.CaseReference]);
        var applicable = cases.ToDictionary(c => c.CaseReference, c => CompleteAnswers.For(Domain.Frameworks.Pdu2021, c, "Yes")
            .Where(a => a.Answer_ != "Not applicable").Select(a => a.QuestionId).ToHashSet());

        var ratings = await services.RatingsAsync(inspectionId);
        var compared = ratings.Standards.SelectMany(s => s.KeyQuestions).Where(q => q.HasN && q.N > 1 && q.K > 0 && q.K < q.N).ToList();
        Assert.NotEmpty(compared);
        Assert.Contains(compared, q => q.N < cases.Count);   // a key question answered on part of the sample: a domain estimate

        var script = new StringBuilder("""
            suppressMessages(library(survey)); options(survey.lonely.psu = "adjust")
            f <- function(h, N, d, y) {
              dat <- data.frame(h = h, N = N, d = d, y = y, one = 1)
              printed <- svyciprop(~I(y == 1), subset(svydesign(ids = ~1, strata = ~h, fpc = ~N, weights = ~one, data = dat), d == 1), method = "beta")
              caseload <- svyciprop(~I(y == 1), subset(svydesign(ids = ~1, strata = ~h, fpc = ~N, data = dat), d == 1), method = "beta")
              cat(sprintf("%.17g", c(coef(printed), confint(printed), coef(caseload), confint(caseload))), "\n")
            }

            """);
        foreach (var q in compared)
        {
            script.Append("f(c(").AppendJoin(",", cases.Select(c => $"\"{c.Attribute("stratum")}\""))
                .Append("), c(").AppendJoin(",", cases.Select(c => population[c.Attribute("stratum")!]))
                .Append("), c(").AppendJoin(",", cases.Select(c => applicable[c.CaseReference].Contains(q.QuestionId) ? 1 : 0))
                .Append("), c(").AppendJoin(",", cases.Select(c => words[c.CaseReference] == "Yes" ? 1 : 0)).Append("))\n");
        }
        var rows = RPeer.Rows(script.ToString());
        Assert.Equal(compared.Count, rows.Count);

        for (var i = 0; i < compared.Count; i++)
        {
            var (q, r) = (compared[i], rows[i]);
            Assert.Equal("korn_graubard", q.IntervalMethod);
            Assert.Equal(q.ExactPct, r[0] * 100, 9);
            Assert.Equal(r[1] * 100, q.DesignCiLowerPct, 1e-9);
            Assert.Equal(r[2] * 100, q.DesignCiUpperPct, 1e-9);
            Assert.Equal((q.DesignCiUpperPct - q.DesignCiLowerPct) / 2, q.MarginOfErrorPct, 12);
            // The quota made the sample not self-weighting: the caseload's estimate is served beside the printed one.
            Assert.True(q.HasCaseloadEstimatePct, q.QuestionId);
            Assert.Equal(r[3] * 100, q.CaseloadEstimatePct, 1e-9);
            Assert.Equal(r[4] * 100, q.CaseloadCiLowerPct, 1e-9);
            Assert.Equal(r[5] * 100, q.CaseloadCiUpperPct, 1e-9);
        }
    }
}
