namespace Inspection.Statistics.Proportions;

/// <summary>
/// A proportion estimated from a stratified sample drawn without replacement, with its design-based variance: the
/// ratio estimator over the domain (the cases a question applies to) and its Taylor-linearised variance with the finite
/// population correction of each stratum. This is what R's <c>survey</c> package computes for
/// <c>svymean(~y, subset(svydesign(ids = ~1, strata = ~stratum, fpc = ~population), domain))</c>, with
/// <c>options(survey.lonely.psu = "adjust")</c> for a stratum of one sampled case.
/// </summary>
/// <param name="Estimate">The proportion, 0 to 1.</param>
/// <param name="Variance">Its design-based variance.</param>
/// <param name="DomainCount">Sampled cases in the domain (the question's applicable count).</param>
/// <param name="DomainStrata">Strata with at least one case in the domain.</param>
/// <param name="SampleCount">Sampled cases in all (in the domain or not).</param>
/// <param name="Population">Cases in the strata the sample was drawn from.</param>
public sealed record DesignedProportion(double Estimate, double Variance, int DomainCount, int DomainStrata, int SampleCount, long Population)
{
    // Below this a stratum's sampling fraction counts as a census (R's survey uses the same cut).
    private const double CensusBelow = 1e-7;

    /// <summary>Design degrees of freedom: domain cases less the strata they fall in (R's <c>degf</c>).</summary>
    public int DegreesOfFreedom => DomainCount - DomainStrata;

    /// <summary>The share of the population the sample holds.</summary>
    public double SamplingFraction => (double)SampleCount / Population;

    public double StandardError => Math.Sqrt(Variance);

    public static DesignedProportion Of(StratifiedDesign design, IReadOnlyList<SampledUnit> sample, Weighting weighting)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(sample);
        var strata = sample.GroupBy(u => u.Stratum, StringComparer.Ordinal)
            .Select(g => (Population: design.PopulationOf(g.Key), Units: g.ToList()))
            .ToList();
        foreach (var (population, units) in strata)
            if (units.Count > population)
                throw new ArgumentException($"stratum '{units[0].Stratum}' has {units.Count} sampled cases but a population of {population}");

        double Weight(long population, int sampled) => weighting == Weighting.Caseload ? (double)population / sampled : 1.0;

        double domainWeight = 0, yesWeight = 0;
        foreach (var (population, units) in strata)
        {
            var w = Weight(population, units.Count);
            foreach (var unit in units.Where(u => u.InDomain))
            {
                domainWeight += w;
                if (unit.Yes) yesWeight += w;
            }
        }
        var domainCount = sample.Count(u => u.InDomain);
        if (domainCount == 0) throw new ArgumentException("no sampled case is in the domain: there is nothing to estimate", nameof(sample));
        var estimate = yesWeight / domainWeight;

        // Each case's contribution to the linearised estimator; cases outside the domain contribute zero, but they
        // still count in their stratum's spread (a domain estimate's variance is taken over the whole stratum sample).
        double variance = 0;
        foreach (var (population, units) in strata)
        {
            var sampled = units.Count;
            var unsampledFraction = (double)(population - sampled) / population;
            if (unsampledFraction < CensusBelow) continue;
            var w = Weight(population, sampled);
            var scores = units.Select(u => u.InDomain ? w * ((u.Yes ? 1.0 : 0.0) - estimate) / domainWeight : 0.0).ToArray();
            if (sampled == 1)
            {
                // One case in a stratum has no spread of its own: centre it on the whole sample's mean score, zero.
                variance += unsampledFraction * scores[0] * scores[0];
                continue;
            }
            var mean = scores.Average();
            variance += unsampledFraction * sampled / (sampled - 1.0) * scores.Sum(s => (s - mean) * (s - mean));
        }

        var domainStrata = strata.Count(s => s.Units.Any(u => u.InDomain));
        return new DesignedProportion(estimate, variance, domainCount, domainStrata, sample.Count, strata.Sum(s => s.Population));
    }
}
