using Inspection.Domain;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Drawing;
using Inspection.Sampling.Domain.Membership;
using Inspection.Sampling.Domain.Sizing;

namespace Inspection.Sampling.Tests;

public sealed class SubstitutionTests
{
    private static CaseSample Drawn(out DrawOutcome outcome, int reserves = 2)
    {
        outcome = Draws.Draw(GeneratedCaseload.Create(3_000), Draws.Request(size: SizeRule.Fixed(45), stratifyBy: ["sentence_type", "gender"], reserves: reserves));
        var members = outcome.Cases.Select(c => new SampleMember(c.Case.CaseReference, c.Stratum, SampleMember.Sampled, SampleMember.Active, 0))
            .Concat(outcome.Strata.SelectMany(s => s.Reserves.Select((r, i) => new SampleMember(r.Case.CaseReference, s.Key, SampleMember.Reserve, SampleMember.Waiting, i + 1))))
            .ToList();
        return new CaseSample("sample-1", members, 0);
    }

    [Fact]
    public void Substitution_takes_the_next_reserve_of_the_same_stratum()
    {
        var sample = Drawn(out var outcome);
        var leaving = outcome.Cases.First(c => c.Stratum == "sentence_type=licence|gender=male");
        var substitution = sample.Substitute(leaving.Case.CaseReference, "transferred out", "case sampler");

        var stratum = outcome.Strata.Single(s => s.Key == leaving.Stratum);
        Assert.Equal(stratum.Reserves[0].Case.CaseReference, substitution.AddedCaseReference);
        Assert.Equal(leaving.Stratum, substitution.Stratum);
        Assert.Equal("transferred out", substitution.Reason);
        Assert.Equal(1, substitution.Sequence);
    }

    [Fact]
    public void A_stratum_without_reserves_cannot_substitute()
    {
        var sample = Drawn(out var outcome, reserves: 1);
        var leaving = outcome.Cases.First();
        var stratumReserve = outcome.Strata.Single(s => s.Key == leaving.Stratum).Reserves.Single();
        var used = new CaseSample("sample-1", sample.Members
            .Select(m => m.CaseReference == stratumReserve.Case.CaseReference ? m with { Role = SampleMember.Sampled, Status = SampleMember.Active } : m)
            .ToList(), 1);
        var error = Assert.Throws<PreconditionFailedException>(() => used.Substitute(leaving.Case.CaseReference, "died", "inspector"));
        Assert.Contains("no reserve left", error.Message);
    }

    [Fact]
    public void Unknown_replaced_or_reserve_cases_and_missing_reasons_are_refused()
    {
        var sample = Drawn(out var outcome);
        Assert.Throws<NotFoundException>(() => sample.Substitute("NOPE", "moved", "inspector"));
        var reserve = outcome.Strata.First().Reserves.First().Case.CaseReference;
        Assert.Throws<PreconditionFailedException>(() => sample.Substitute(reserve, "moved", "inspector"));
        var error = Assert.Throws<ValidationException>(() => sample.Substitute(outcome.Cases[0].Case.CaseReference, " ", ""));
        Assert.Equal(["reason", "substituted_by"], error.Violations.Select(v => v.Field));

        var replaced = new CaseSample("sample-1", sample.Members
            .Select(m => m.CaseReference == outcome.Cases[0].Case.CaseReference ? m with { Status = SampleMember.Replaced, ReplacedBy = "X1" } : m)
            .ToList(), 1);
        var again = Assert.Throws<PreconditionFailedException>(() => replaced.Substitute(outcome.Cases[0].Case.CaseReference, "moved", "inspector"));
        Assert.Contains("already replaced by 'X1'", again.Message);
    }
}
