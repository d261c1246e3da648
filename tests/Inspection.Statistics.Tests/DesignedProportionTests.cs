using System.Text;
using Inspection.Statistics.Proportions;

namespace Inspection.Statistics.Tests;

/// <summary>
/// The design-based estimate, variance and Korn-Graubard interval of a key question's proportion against R's survey
/// package (svyciprop, method "beta") on generated stratified samples of a few hundred cases: strata of every size,
/// sampling fractions from a twentieth to a census, strata of one sampled case, questions that apply to part of the
/// sample, and both weightings. Where R has no value (0 of n, n of n) the edges are unit tests below.
/// </summary>
public sealed class DesignedProportionTests
{
    private sealed record Generated(StratifiedDesign Design, List<SampledUnit> Units);

    [Fact]
    public void Estimates_variances_and_intervals_agree_with_Rs_survey_package_to_1e_9()
    {
        var random = new Random(2107);
        var samples = new List<Generated>();
        while (samples.Count < 40)
        {
            var generated = Generate(random);
            var domain = generated.Units.Where(u => u.InDomain).ToList();
            // R has no interval at 0 of n or n of n: those are the edge tests' business.
            if (domain.Count > 1 && domain.Any(u => u.Yes) && domain.Any(u => !u.Yes)) samples.Add(generated);
        }

        var script = new StringBuilder("""
            suppressMessages(library(survey)); options(survey.lonely.psu = "adjust")
            f <- function(h, N, d, y) {
              dat <- data.frame(h = h, N = N, d = d, y = y, one = 1)
              out <- c()
              for (w in c("caseload", "printed")) {
                des <- if (w == "caseload") svydesign(ids = ~1, strata = ~h, fpc = ~N, data = dat)
                       else svydesign(ids = ~1, strata = ~h, fpc = ~N, weights = ~one, data = dat)
                r <- svyciprop(~I(y == 1), subset(des, d == 1), method = "beta")
                ci <- confint(r)
                out <- c(out, coef(r), attr(r, "var"), ci[1], ci[2])
              }
              cat(sprintf("%.17g", out), "\n")
            }

            """);
        foreach (var (design, units) in samples)
        {
            script.Append("f(c(").AppendJoin(",", units.Select(u => $"\"{u.Stratum}\""))
                .Append("), c(").AppendJoin(",", units.Select(u => design.PopulationOf(u.Stratum)))
                .Append("), c(").AppendJoin(",", units.Select(u => u.InDomain ? 1 : 0))
                .Append("), c(").AppendJoin(",", units.Select(u => u.Yes ? 1 : 0)).Append("))\n");
        }
        var rows = RPeer.Rows(script.ToString());
        Assert.Equal(samples.Count, rows.Count);

        for (var i = 0; i < samples.Count; i++)
        {
            var (design, units) = samples[i];
            foreach (var (weighting, at) in new[] { (Weighting.Caseload, 0), (Weighting.AsPrinted, 4) })
            {
                var proportion = DesignedProportion.Of(design, units, weighting);
                var interval = KornGraubardInterval.For(proportion);
                var what = $"sample {i} ({units.Count} cases), {weighting}";
                Numbers.Agree(rows[i][at], proportion.Estimate, $"{what}: estimate");
                Numbers.Agree(rows[i][at + 1], proportion.Variance, $"{what}: variance");
                Numbers.Agree(rows[i][at + 2], interval.Lower, $"{what}: lower bound");
                Numbers.Agree(rows[i][at + 3], interval.Upper, $"{what}: upper bound");
            }
        }
    }

    [Fact]
    public void Printed_weighting_gives_the_plain_k_of_n_and_caseload_weighting_differs_when_the_sample_is_not_self_weighting()
    {
        // 10 of 100 drawn from a stratum of 100 and 10 of 20 from one of 20: the second is over-sampled five times.
        var design = new StratifiedDesign(new Dictionary<string, long> { ["big"] = 100, ["small"] = 20 });
        var units = Cases("big", 10, yes: 8).Concat(Cases("small", 10, yes: 2)).ToList();
        var printed = DesignedProportion.Of(design, units, Weighting.AsPrinted);
        var caseload = DesignedProportion.Of(design, units, Weighting.Caseload);
        Assert.Equal(10.0 / 20, printed.Estimate, 12);
        Assert.Equal((100 * 0.8 + 20 * 0.2) / 120, caseload.Estimate, 12);
    }

    [Fact]
    public void At_0_of_n_and_n_of_n_the_interval_is_Clopper_Pearson_at_the_count_enlarged_by_the_finite_population_correction()
    {
        // 20 cases of 80, none Yes: the effective size is 20 / (1 - 1/4) = 26.67, scaled by the t ratio for
        // 19 and 18 degrees of freedom (two strata).
        var design = new StratifiedDesign(new Dictionary<string, long> { ["a"] = 40, ["b"] = 40 });
        var none = Cases("a", 10, yes: 0).Concat(Cases("b", 10, yes: 0)).ToList();
        var all = Cases("a", 10, yes: 10).Concat(Cases("b", 10, yes: 10)).ToList();

        var atZero = KornGraubardInterval.For(DesignedProportion.Of(design, none, Weighting.AsPrinted));
        var atOne = KornGraubardInterval.For(DesignedProportion.Of(design, all, Weighting.AsPrinted));

        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 19, 0.025) / MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 18, 0.025);
        var effective = 20 / 0.75 * t * t;
        Assert.Equal(effective, atZero.EffectiveSampleSize, 9);
        Assert.Equal(0, atZero.Lower);
        // Clopper-Pearson's upper bound at 0 of m is 1 - (alpha/2)^(1/m).
        Assert.Equal(1 - Math.Pow(0.025, 1 / effective), atZero.Upper, 9);
        Assert.Equal(1, atOne.Upper);
        Assert.Equal(Math.Pow(0.025, 1 / effective), atOne.Lower, 9);
        // Narrower than the same count drawn from an unlimited caseload.
        Assert.True(atZero.Upper < 1 - Math.Pow(0.025, 1.0 / 20 * t * t));
    }

    [Fact]
    public void A_single_applicable_case_gets_the_widest_interval_its_sample_allows()
    {
        var design = new StratifiedDesign(new Dictionary<string, long> { ["a"] = 200 });
        var units = new List<SampledUnit> { new("a", true, true) };
        units.AddRange(Cases("a", 19, yes: 0).Select(u => u with { InDomain = false }));
        var interval = KornGraubardInterval.For(DesignedProportion.Of(design, units, Weighting.AsPrinted));
        // 1 of 1: no t adjustment (no degrees of freedom), effective size 1 / (1 - 20/200).
        Assert.Equal(1 / 0.9, interval.EffectiveSampleSize, 12);
        Assert.Equal(Math.Pow(0.025, 0.9), interval.Lower, 9);
        Assert.Equal(1, interval.Upper);
    }

    [Fact]
    public void A_census_has_no_sampling_error()
    {
        var design = new StratifiedDesign(new Dictionary<string, long> { ["a"] = 12, ["b"] = 8 });
        var units = Cases("a", 12, yes: 7).Concat(Cases("b", 8, yes: 3)).ToList();
        var proportion = DesignedProportion.Of(design, units, Weighting.Caseload);
        var interval = KornGraubardInterval.For(proportion);
        Assert.Equal(0, proportion.Variance);
        Assert.Equal(0.5, interval.Lower, 12);
        Assert.Equal(0.5, interval.Upper, 12);
        var none = KornGraubardInterval.For(DesignedProportion.Of(design, Cases("a", 12, 0).Concat(Cases("b", 8, 0)).ToList(), Weighting.Caseload));
        Assert.Equal((0.0, 0.0), (none.Lower, none.Upper));
    }

    [Fact]
    public void Impossible_designs_are_refused_naming_what_is_wrong()
    {
        var design = new StratifiedDesign(new Dictionary<string, long> { ["a"] = 3 });
        Assert.Contains("population of 3", Assert.Throws<ArgumentException>(() => DesignedProportion.Of(design, Cases("a", 4, 1).ToList(), Weighting.Caseload)).Message);
        Assert.Contains("'z'", Assert.Throws<ArgumentException>(() => DesignedProportion.Of(design, Cases("z", 1, 1).ToList(), Weighting.Caseload)).Message);
        Assert.Contains("nothing to estimate", Assert.Throws<ArgumentException>(() =>
            DesignedProportion.Of(design, [new SampledUnit("a", false, false)], Weighting.Caseload)).Message);
        Assert.Throws<ArgumentException>(() => new StratifiedDesign(new Dictionary<string, long> { ["a"] = 0 }));
    }

    private static IEnumerable<SampledUnit> Cases(string stratum, int count, int yes) =>
        Enumerable.Range(0, count).Select(i => new SampledUnit(stratum, true, i < yes));

    /// <summary>A stratified sample of a few hundred cases: strata from 1 to 400 cases, fractions from 5% to a census.</summary>
    private static Generated Generate(Random random)
    {
        var strata = random.Next(2, 7);
        var population = new Dictionary<string, long>();
        var units = new List<SampledUnit>();
        var applies = 0.5 + random.NextDouble() / 2;
        var yesRate = random.NextDouble();
        for (var h = 0; h < strata; h++)
        {
            var name = $"s{h}";
            var size = random.Next(10) == 0 ? random.Next(1, 4) : random.Next(20, 401);
            var fraction = random.Next(8) switch { 0 => 1.0, 1 => 1.0 / size, _ => 0.05 + random.NextDouble() * 0.6 };
            var sampled = Math.Clamp((int)Math.Round(size * fraction), 1, size);
            population[name] = size;
            var stratumYes = Math.Clamp(yesRate + (random.NextDouble() - 0.5) / 3, 0, 1);
            for (var i = 0; i < sampled; i++)
            {
                var inDomain = random.NextDouble() < applies;
                units.Add(new SampledUnit(name, inDomain, inDomain && random.NextDouble() < stratumYes));
            }
        }
        return new Generated(new StratifiedDesign(population), units);
    }
}
