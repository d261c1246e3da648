using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Sizing;

namespace Inspection.Sampling.Tests;

/// <summary>The worked examples of services/Sampling/README.md, so the figures an inspector checks by hand are the service's.</summary>
public sealed class WorkedExampleTests
{
    private static CaseRecord Case(string reference, string sentence = CaseVocabulary.Licence, string gender = "male")
        => new(reference, sentence, new DateOnly(2021, 11, 10), gender, "white", false, "medium", 0, false, false, false, false, false, "none", "", "");

    [Fact]
    public void Ten_cases_and_seed_20221101_give_the_documented_sample_and_reserves()
    {
        var population = Enumerable.Range(1, 10).Select(i => Case($"CR{i:D2}")).Reverse().ToList();
        var outcome = Draws.Draw(population, Draws.Request(size: SizeRule.Fixed(4), seed: 20221101));
        Assert.Equal(["CR05", "CR03", "CR01", "CR07"], outcome.Cases.Select(c => c.Case.CaseReference));
        Assert.Equal(["CR09", "CR10", "CR02", "CR06", "CR08"], outcome.Strata.Single().Reserves.Select(r => r.Case.CaseReference));
    }

    [Fact]
    public void Two_hundred_cases_at_80_percent_and_5_points_give_91_allocated_32_5_45_9()
    {
        var population = Enumerable.Range(0, 200).Select(i => i switch
        {
            < 70 => Case($"A{i:D3}", CaseVocabulary.Licence, "male"),
            < 80 => Case($"A{i:D3}", CaseVocabulary.Licence, "female"),
            < 180 => Case($"A{i:D3}", CaseVocabulary.CommunityOrder, "male"),
            _ => Case($"A{i:D3}", CaseVocabulary.CommunityOrder, "female"),
        }).ToList();
        var outcome = Draws.Draw(population, Draws.Request(size: SizeRule.For(new SizeForConfidence(80, 5)), stratifyBy: ["sentence_type", "gender"]));

        Assert.Equal(164.24, outcome.Size.N0, 2);
        Assert.Equal(90.43, outcome.Size.NUnrounded, 2);
        Assert.Equal(91, outcome.Cases.Count);
        var allocated = outcome.Strata.ToDictionary(s => s.Key, s => s.Allocated);
        Assert.Equal(32, allocated["sentence_type=licence|gender=male"]);
        Assert.Equal(5, allocated["sentence_type=licence|gender=female"]);
        Assert.Equal(45, allocated["sentence_type=community_order|gender=male"]);
        Assert.Equal(9, allocated["sentence_type=community_order|gender=female"]);
    }
}
