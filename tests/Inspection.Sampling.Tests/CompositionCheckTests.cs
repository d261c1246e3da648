using Inspection.Domain;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Composition;
using Inspection.Sampling.Domain.Drawing;
using Inspection.Sampling.Domain.Membership;
using Inspection.Sampling.Domain.Sizing;
using Inspection.Statistics.Composition;

namespace Inspection.Sampling.Tests;

public sealed class CompositionCheckTests
{
    private static CaseRecord Case(string reference, string gender) => new(reference, CaseVocabulary.Licence, new DateOnly(2021, 11, 1),
        gender, "white", false, "low", 0, false, false, false, false, false, "none", "", "");

    [Fact]
    public void The_chi_square_statistic_and_p_value_can_be_checked_by_hand()
    {
        // Population 80 men, 20 women; sample 35 men, 15 women. Expected 40 and 10:
        // chi-square = 25/40 + 25/10 = 3.125 on 1 degree of freedom, p = 0.0771 (tables: 3.125 lies between 2.706 at 0.10 and 3.841 at 0.05).
        var population = Enumerable.Range(0, 100).Select(i => Case($"P{i:D3}", i < 80 ? "male" : "female")).ToList();
        var sample = population.Where((c, i) => i < 35 || i >= 85).ToList();
        var report = CompositionCheck.Compare(population, sample, ["gender"]);

        var gender = Assert.Single(report.Attributes);
        Assert.Equal(["male", "female"], gender.Rows.Select(r => r.Value));
        Assert.Equal(80, gender.Rows[0].Population);
        Assert.Equal(0.8, gender.Rows[0].PopulationShare, 10);
        Assert.Equal(35, gender.Rows[0].Sample);
        Assert.Equal(0.7, gender.Rows[0].SampleShare, 10);
        Assert.Equal(40, gender.Rows[0].Expected, 10);
        Assert.Equal(3.125, gender.ChiSquare, 10);
        Assert.Equal(1, gender.DegreesOfFreedom);
        Assert.Equal(0.0771, gender.PValue!.Value, 4);

        // Half the caseload was sampled, without replacement: the corrected statistic is 3.125 x 99 / 50 = 6.1875,
        // p = 0.0129 (R: pchisq(6.1875, 1, lower.tail = FALSE)); the uncorrected test understates the misfit.
        var fit = gender.Fit!;
        Assert.Null(gender.FixedBy);
        Assert.Equal(6.1875, fit.Statistic, 10);
        Assert.Equal(PValueMethod.ChiSquare, fit.Method);
        Assert.Equal(0.0128656, fit.PValue, 6);
    }

    [Fact]
    public void Small_expected_counts_get_an_exact_p_value_not_the_chi_square_approximation()
    {
        // 30 cases, 3 of them women; a sample of 10 with 3 women: expected 1. R's enumeration over the hypergeometric
        // draws: P(3 women of 10 from 3 of 30) = C(3,3) C(27,7) / C(30,10) = 0.0296, the only outcome at least as far.
        var population = Enumerable.Range(0, 30).Select(i => Case($"P{i:D2}", i < 27 ? "male" : "female")).ToList();
        var sample = population.Take(7).Concat(population.Skip(27)).ToList();
        var gender = CompositionCheck.Compare(population, sample, ["gender"]).Attributes.Single();
        Assert.Equal(PValueMethod.Exact, gender.Fit!.Method);
        Assert.Equal(888030.0 / 30045015, gender.Fit.PValue, 12);
        Assert.Equal(1, gender.Fit.MinimumExpected, 12);
    }

    [Fact]
    public void A_stratified_draw_fits_its_population_and_a_quota_heavy_one_does_not()
    {
        var caseload = GeneratedCaseload.Create(5_000);
        var request = Draws.Request(size: SizeRule.Fixed(300), stratifyBy: ["rosh_level"]);
        var plan = DrawPlan.From(request);
        var eligible = caseload.Where(c => plan.Eligibility.Exclude(c) is null).ToList();

        var proportional = Draws.Draw(caseload, request);
        var fit = CompositionCheck.Compare(eligible, proportional.Cases.Select(c => c.Case).ToList(), ["rosh_level"]).Attributes.Single();
        Assert.True(fit.PValue > 0.95, $"p = {fit.PValue}");

        var heavyRequest = request with { StratifyBy = [], Quotas = [new("rosh_level", ["very_high"], 60)] };
        var heavy = Draws.Draw(caseload, heavyRequest);
        var misfit = CompositionCheck.Compare(eligible, heavy.Cases.Select(c => c.Case).ToList(), ["rosh_level"]).Attributes.Single();
        Assert.True(misfit.PValue < 0.001, $"p = {misfit.PValue}");
        Assert.Equal(60, misfit.Rows.Single(r => r.Value == "very_high").Sample);

        // Both tested attributes were set by the draw itself: shown, not tested, and saying why.
        var stratified = CompositionCheck.Compare(eligible, proportional.Cases.Select(c => c.Case).ToList(), ["rosh_level", "gender"],
            CompositionCheck.FixedBy(plan)).Attributes;
        Assert.Null(stratified[0].Fit);
        Assert.Contains("stratified on it", stratified[0].FixedBy);
        Assert.NotNull(stratified[1].Fit);
        Assert.Null(stratified[1].FixedBy);
        var quota = CompositionCheck.Compare(eligible, heavy.Cases.Select(c => c.Case).ToList(), ["rosh_level"],
            CompositionCheck.FixedBy(DrawPlan.From(heavyRequest))).Attributes.Single();
        Assert.Null(quota.Fit);
        Assert.Contains("quota", quota.FixedBy);
    }

    [Fact]
    public void A_single_value_has_nothing_to_test_and_unknown_attributes_are_refused()
    {
        var population = Enumerable.Range(0, 10).Select(i => Case($"P{i}", "male")).ToList();
        var report = CompositionCheck.Compare(population, population.Take(3).ToList(), ["gender"]);
        Assert.Null(report.Attributes[0].PValue);
        Assert.Equal(0, report.Attributes[0].DegreesOfFreedom);

        var error = Assert.Throws<ValidationException>(() => CompositionCheck.Compare(population, population, ["gender", "height"]));
        Assert.Equal("attributes[1]", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Sub_samples_follow_their_rules()
    {
        var caseload = GeneratedCaseload.Create(2_000);
        var courts = SubSampleRule.CourtReports.Select(caseload, c => c);
        var victims = SubSampleRule.StatutoryVictimContact.Select(caseload, c => c);
        var rosh = SubSampleRule.RoshRelevant.Select(caseload, c => c);

        Assert.Equal(caseload.Count(c => c.CourtReportType != "none"), courts.Count);
        Assert.All(courts, c => Assert.Contains(c.SentenceType, new[] { CaseVocabulary.CommunityOrder, CaseVocabulary.SuspendedSentenceOrder }));
        Assert.Equal(caseload.Count(c => c.StatutoryVictimContact), victims.Count);
        Assert.Equal(caseload.Count(c => c.RoshLevel != "low" || c.MappaLevel > 0), rosh.Count);
        Assert.Contains(rosh, c => c.RoshLevel == "low" && c.MappaLevel > 0);
    }
}
