using Inspection.Domain.Vocabularies;
using Inspection.Domain.Dates;
using Inspection.Domain;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Allocation;
using Inspection.Sampling.Domain.Drawing;
using Inspection.Sampling.Domain.Eligibility;
using Inspection.Sampling.Domain.Sizing;

namespace Inspection.Sampling.Tests;

public sealed class CaseSamplerTests
{
    private static readonly List<CaseRecord> Caseload = GeneratedCaseload.Create(6_000);

    [Fact]
    public void Each_stratum_holds_its_share_of_the_eligible_population_within_one_case()
    {
        var request = Draws.Request(stratifyBy: ["gender", "sentence_type", "rosh_level"],
            windows: [new("2021-09-01", "2021-11-30")]);
        var outcome = Draws.Draw(Caseload, request);

        var plan = DrawPlan.From(request);
        var eligible = Caseload.Where(c => plan.Eligibility.Exclude(c) is null).ToList();
        Assert.Equal(eligible.Count, outcome.EligibleSize);
        Assert.Equal(SampleSizeCalculator.Calculate(eligible.Count, new SizeForConfidence(95, 5)).N, outcome.Cases.Count);
        var n = outcome.Cases.Count;
        var parts = new string[3];
        var byStratum = eligible.GroupBy(c => CaseSampler.StratumKey(c, plan, parts)).ToList();
        Assert.True(byStratum.Count > 20, "the generated caseload should give many strata");
        foreach (var stratum in byStratum)
        {
            var exact = (double)n * stratum.Count() / eligible.Count;
            var drawn = outcome.Cases.Count(c => c.Stratum == stratum.Key);
            Assert.True(Math.Abs(drawn - exact) < 1, $"stratum {stratum.Key}: {drawn} drawn against an exact share of {exact:F2}");
        }
    }

    [Fact]
    public void Every_sampled_and_reserve_case_is_eligible_and_in_its_stratum()
    {
        var request = Draws.Request(size: SizeRule.Fixed(48), stratifyBy: ["sentence_type"],
            windows: [new("2021-11-01", "2021-11-26")], sentenceTypes: ["community_order", "suspended_sentence_order", "licence"]);
        var outcome = Draws.Draw(Caseload, request);

        Assert.Equal(48, outcome.Cases.Count);
        var reserves = outcome.Strata.SelectMany(s => s.Reserves).ToList();
        Assert.All(outcome.Cases.Concat(reserves), c =>
        {
            Assert.InRange(c.Case.StartDate, new DateOnly(2021, 11, 1), new DateOnly(2021, 11, 26));
            Assert.NotEqual(CaseVocabulary.Custody, c.Case.SentenceType);
            Assert.Equal($"sentence_type={c.Case.SentenceType}", c.Stratum);
        });
        Assert.Empty(outcome.Cases.Select(c => c.Case.CaseReference).Intersect(reserves.Select(r => r.Case.CaseReference)));
        Assert.All(outcome.Strata, s =>
        {
            Assert.Equal(5, s.Reserves.Count);
            // Reserves come in draw order, after every sampled case of their stratum.
            Assert.Equal(s.Reserves.Select(r => r.Position).Order(), s.Reserves.Select(r => r.Position));
            Assert.True(s.Reserves[0].Position > outcome.Cases.Where(c => c.Stratum == s.Key).Max(c => c.Position));
        });
    }

    [Fact]
    public void Excluded_cases_are_counted_by_reason()
    {
        var request = Draws.Request(size: SizeRule.Fixed(40), windows: [new("2021-07-01", "2021-07-31"), new("2021-10-01", "2021-10-15")],
            sentenceTypes: ["licence"]);
        var outcome = Draws.Draw(Caseload, request);

        var wrongType = Caseload.Count(c => c.SentenceType != CaseVocabulary.Licence);
        var outside = Caseload.Count(c => c.SentenceType == CaseVocabulary.Licence && !(c.StartDate.Month == 7 || (c.StartDate.Month == 10 && c.StartDate.Day <= 15)));
        Assert.Equal(
            [new ExclusionCount(Exclusion.SentenceTypeNotChosen, wrongType), new ExclusionCount(Exclusion.OutsideWindows, outside)],
            outcome.Exclusions);
        Assert.Equal(Caseload.Count - wrongType - outside, outcome.EligibleSize);

        var plan = DrawPlan.From(request);
        var custody = Caseload.First(c => c.SentenceType == CaseVocabulary.Custody);
        Assert.Equal(Exclusion.SentenceTypeNotChosen, plan.Eligibility.Exclude(custody)!.Category);
        var lateLicence = Caseload.First(c => c.SentenceType == CaseVocabulary.Licence && c.StartDate.Month == 12);
        Assert.Contains(CalendarDate.ToText(lateLicence.StartDate), plan.Eligibility.Exclude(lateLicence)!.Detail);
    }

    [Fact]
    public void Minimum_quotas_are_met_first()
    {
        Quota[] quotas =
        [
            new("rosh_level", ["high", "very_high"], 30),
            new("prolific_priority_offender", ["yes"], 8),
            new("approved_premises_resident", ["yes"], 6),
            new("statutory_victim_contact", ["yes"], 12),
            new("ethnic_group", ["black", "asian", "mixed", "other"], 20),
        ];
        var outcome = Draws.Draw(Caseload, Draws.Request(size: SizeRule.Fixed(60), stratifyBy: ["sentence_type"], quotas: quotas,
            windows: [new("2021-10-01", "2021-11-30")]));

        Assert.Equal(60, outcome.Cases.Count);
        Assert.All(outcome.Quotas, q => Assert.True(q.Sampled >= q.Quota.Minimum, $"{q.Quota}: {q.Sampled}"));
        Assert.True(CountOf(outcome, c => c.RoshLevel is "high" or "very_high") >= 30);
        Assert.True(CountOf(outcome, c => c.ProlificPriorityOffender) >= 8);
        Assert.True(CountOf(outcome, c => c.ApprovedPremisesResident) >= 6);
        Assert.True(CountOf(outcome, c => c.StatutoryVictimContact) >= 12);
        Assert.True(CountOf(outcome, c => c.EthnicGroup != "white" && c.EthnicGroup != "not_known") >= 20);
        Assert.Contains(outcome.Cases, c => c.SelectedBy == SelectedBy.Quota);
        Assert.All(outcome.Strata, s => Assert.True(s.Allocated >= s.QuotaFloor));
    }

    [Fact]
    public void The_2008_fixed_split_gives_40_licence_60_community_10_custody_per_110()
    {
        var outcome = Draws.Draw(Caseload, Draws.Request(size: SizeRule.Fixed(110), split: FixedSplit.Omi2008));
        Assert.Equal(40, outcome.Cases.Count(c => c.Case.SentenceType == CaseVocabulary.Licence));
        Assert.Equal(60, outcome.Cases.Count(c => c.Case.SentenceType is CaseVocabulary.CommunityOrder or CaseVocabulary.SuspendedSentenceOrder));
        Assert.Equal(10, outcome.Cases.Count(c => c.Case.SentenceType == CaseVocabulary.Custody));
        Assert.All(outcome.Cases, c => Assert.Equal(SelectedBy.Split, c.SelectedBy));

        // The West Midlands 2008 sample of 163 cases on the same design.
        var wider = Draws.Draw(Caseload, Draws.Request(size: SizeRule.Fixed(163), split: FixedSplit.Omi2008, stratifyBy: ["gender"]));
        Assert.Equal(59, wider.Cases.Count(c => c.Case.SentenceType == CaseVocabulary.Licence));
        Assert.Equal(89, wider.Cases.Count(c => c.Stratum.StartsWith("split=community|", StringComparison.Ordinal)));
        Assert.Equal(15, wider.Cases.Count(c => c.Case.SentenceType == CaseVocabulary.Custody));
    }

    [Fact]
    public void The_same_seed_draws_the_same_cases_and_another_seed_does_not()
    {
        var request = Draws.Request(stratifyBy: ["gender", "sentence_type", "rosh_level"], seed: 424242);
        var first = Draws.Draw(Caseload, request);
        // The same population handed over in another order: the canonical order makes it the same draw.
        var reordered = Caseload.OrderByDescending(c => c.StartDate).ThenBy(c => c.Gender).ToList();
        var again = Draws.Draw(reordered, request);
        var other = Draws.Draw(Caseload, request with { Seed = 424243 });

        Assert.Equal(References(first), References(again));
        Assert.Equal(first.Strata.SelectMany(s => s.Reserves).Select(r => r.Case.CaseReference),
            again.Strata.SelectMany(s => s.Reserves).Select(r => r.Case.CaseReference));
        Assert.NotEqual(References(first), References(other));
        Assert.Equal(first.Cases.Count, other.Cases.Count);
        Assert.Equal(CaseSampler.AlgorithmVersion, first.AlgorithmVersion);
    }

    [Fact]
    public void A_draw_is_pinned_to_its_algorithm_version()
    {
        // Re-drawing years later must give these cases; if this changes, AlgorithmVersion must change too.
        var population = GeneratedCaseload.Create(200, seed: 1);
        var outcome = Draws.Draw(population, Draws.Request(size: SizeRule.Fixed(5), seed: 1));
        var expected = ExpectedByIndependentDraw(population, 5, 1);
        Assert.Equal(expected, References(outcome).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Impossible_requests_fail_saying_which()
    {
        var quota = Assert.Throws<PreconditionFailedException>(() => Draws.Draw(Caseload, Draws.Request(size: SizeRule.Fixed(40),
            windows: [new("2021-11-01", "2021-11-07")], quotas: [new("mappa_level", ["3"], 25)])));
        Assert.Contains("Quota 1 (mappa_level in (3) at least 25)", quota.Message);

        var size = Assert.Throws<PreconditionFailedException>(() => Draws.Draw(Caseload, Draws.Request(size: SizeRule.Fixed(500),
            windows: [new("2021-11-01", "2021-11-07")])));
        Assert.Contains("larger than the eligible population", size.Message);

        var window = Assert.Throws<PreconditionFailedException>(() => Draws.Draw(Caseload, Draws.Request(size: SizeRule.Fixed(10),
            windows: [new("2021-11-01", "2021-11-30"), new("2023-01-01", "2023-01-31")])));
        Assert.Contains("eligibility window 2 (2023-01-01 to 2023-01-31) holds no eligible case", window.Message);

        var split = Assert.Throws<PreconditionFailedException>(() => Draws.Draw(Caseload, Draws.Request(size: SizeRule.Fixed(200),
            windows: [new("2021-11-01", "2021-11-30")], split: FixedSplit.Omi2008 with
            {
                Groups = [new SplitGroup("licence", ["licence"], 10), new SplitGroup("custody", ["custody"], 90)],
            })));
        Assert.Contains("group 'custody'", split.Message);
    }

    [Fact]
    public void Bad_input_is_refused_naming_each_field()
    {
        var error = Assert.Throws<ValidationException>(() => DrawPlan.From(Draws.Request(
            size: SizeRule.For(new SizeForConfidence(100, -5)),
            stratifyBy: ["gender", "shoe_size"],
            quotas: [new("rosh_level", ["high", "extreme"], 5), new("colour", ["red"], 1)],
            windows: [new("2021-13-01", "2021-11-30")])));
        Assert.Equal(
            ["eligibility.windows[0].first_day", "calculated_size.confidence_level", "calculated_size.margin_of_error",
             "stratify_by[1]", "quotas[0].values[1]", "quotas[1].attribute"],
            error.Violations.Select(v => v.Field));
        Assert.Contains("unknown attribute 'shoe_size'", error.Violations[3].Description);
    }

    [Fact]
    public void A_quota_for_an_office_the_snapshot_does_not_have_is_invalid()
    {
        var error = Assert.Throws<ValidationException>(() => Draws.Draw(Caseload, Draws.Request(size: SizeRule.Fixed(10),
            quotas: [new("allocated_office", ["Aston", "Atlantis"], 2)])));
        Assert.Equal("quotas[0].values[1]", Assert.Single(error.Violations).Field);
    }

    private static int CountOf(DrawOutcome outcome, Func<CaseRecord, bool> predicate) => outcome.Cases.Count(c => predicate(c.Case));

    private static List<string> References(DrawOutcome outcome) => outcome.Cases.Select(c => c.Case.CaseReference).ToList();

    /// <summary>The documented method written out again: sort, shuffle with the seed, take the first n.</summary>
    private static IEnumerable<string> ExpectedByIndependentDraw(List<CaseRecord> population, int n, ulong seed)
    {
        var references = population.Select(c => c.CaseReference).Order(StringComparer.Ordinal).ToArray();
        var random = new Xoshiro256StarStar(seed);
        for (var i = references.Length - 1; i > 0; i--)
        {
            var j = (int)random.NextBelow((ulong)i + 1);
            (references[i], references[j]) = (references[j], references[i]);
        }
        return references.Take(n).Order(StringComparer.Ordinal);
    }
}
