using Inspection.Domain.Vocabularies;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Inspection.Sampling.Domain.Drawing;

/// <summary>
/// The draw. Deterministic for (snapshot, parameters, seed), on any machine and .NET version:
/// <list type="number">
/// <item>Canonical order: the snapshot's cases sorted by case reference (ordinal).</item>
/// <item>Eligibility: each case kept or excluded with its reason (<see cref="EligibilityRule"/>).</item>
/// <item>Size: fixed, or computed for the eligible population N (<see cref="SampleSizeCalculator"/>).</item>
/// <item>Shuffle: the eligible cases, in canonical order, shuffled by Fisher-Yates driven by xoshiro256**
///   seeded through SplitMix64 with the seed. A case's position in the shuffle is its draw position.</item>
/// <item>Strata: cases grouped by split group (if any) and the stratification attributes; keys ordered ordinally.</item>
/// <item>Quotas, in the order given: walking the shuffle from position 0, take matching cases not yet taken
///   until the quota's minimum is reached.</item>
/// <item>Allocation: split groups get the fixed shares of n by largest remainders; then within each group
///   (the whole sample without a split) strata get shares in proportion to their eligible cases by largest
///   remainders, never fewer than the quota cases already in them.</item>
/// <item>Fill: each stratum takes its cases in shuffle order until its allocation is met; the next cases
///   in shuffle order are its reserves.</item>
/// </list>
/// </summary>
public static class CaseSampler
{
    /// <summary>Stored with every sample. Change it whenever any step above changes what a seed draws.</summary>
    public const string AlgorithmVersion = "case-sampling/1 (ordinal order; xoshiro256** seeded by SplitMix64; Fisher-Yates; quotas first; largest remainders)";

    public static DrawOutcome Draw(IReadOnlyList<CaseRecord> population, DrawPlan plan) => Draw(PopulationColumns.From(population), plan);

    /// <summary>
    /// The draw over a population held in columns (canonical order already): the same steps, case by case index.
    /// Its loops over every case are compiled optimised at once (here and below): the first draw after a start is
    /// the one that must be quick, and tiered compilation would run it as unoptimised code.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DrawOutcome Draw(PopulationColumns population, DrawPlan plan)
    {
        plan.CheckOpenValues(population);
        if (population.DuplicateReference is { } twice)
            throw new PreconditionFailedException($"The snapshot holds case '{twice}' twice.");

        // Eligibility, counting exclusions by reason; eligible holds the eligible cases' indexes in canonical order.
        var eligible = Eligible(population, plan.Eligibility, out var exclusions);
        CheckWindowsNotEmpty(plan, population, eligible);

        var size = SampleSizeCalculator.Resolve(eligible.Length, plan.Request.Size);
        var n = size.N;
        if (n > eligible.Length)
            throw new PreconditionFailedException(
                $"The sample size {n} is larger than the eligible population of {eligible.Length} cases.");

        // The seeded shuffle: position k holds the k-th case drawn, eligible[order[k]]. Shuffling the numbers
        // 0 .. m-1 is the same permutation as shuffling the cases themselves, and lets every pass over the cases
        // below run in canonical (memory) order, which keeps a million-case draw linear.
        var order = new int[eligible.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        SeededShuffle.Shuffle(order, new Xoshiro256StarStar(plan.Seed));

        // Strata, each holding its positions in shuffle order.
        var (stratumOfCase, keyOf) = StratumIndex.Classify(population, eligible, plan);
        var positions = new List<int>[keyOf.Count];
        for (var s = 0; s < positions.Length; s++) positions[s] = [];
        for (var p = 0; p < order.Length; p++) positions[stratumOfCase[order[p]]].Add(p);
        var strataByKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var s = 0; s < keyOf.Count; s++) strataByKey.Add(keyOf[s], positions[s]);
        var orderedKeys = keyOf.Order(StringComparer.Ordinal).ToArray();

        // Quotas first. selectedBy[p]: why the case at position p is in the sample (0: it is not).
        const byte NotSelected = 0, ByQuota = 1, ByFill = 2;
        var selectedBy = new byte[order.Length];
        var taken = 0;
        var quotaEligible = new long[plan.Quotas.Count];
        for (var q = 0; q < plan.Quotas.Count; q++)
        {
            var quota = plan.Quotas[q];
            var values = quota.Attribute.ValuesIn(population);
            var valueMatches = values.Words.Select(quota.MatchesValue).ToArray();
            var matches = new bool[eligible.Length];
            long matching = 0;
            for (var i = 0; i < eligible.Length; i++)
            {
                matches[i] = valueMatches[values.Code(eligible[i])];
                if (matches[i]) matching++;
            }
            quotaEligible[q] = matching;
            if (matching < quota.Minimum)
                throw new PreconditionFailedException(
                    $"Quota {q + 1} ({quota.Quota}) needs {quota.Minimum} cases but only {matching} eligible cases match.");
            var have = 0;
            for (var p = 0; p < order.Length; p++)
            {
                if (selectedBy[p] != NotSelected && matches[order[p]]) have++;
            }
            for (var p = 0; p < order.Length && have < quota.Minimum; p++)
            {
                if (selectedBy[p] == NotSelected && matches[order[p]])
                {
                    selectedBy[p] = ByQuota;
                    have++;
                    taken++;
                }
            }
        }
        if (taken > n)
            throw new PreconditionFailedException(
                $"The quotas need {taken} cases together, more than the sample size {n}.");
        var floors = orderedKeys.ToDictionary(k => k, k => taken == 0 ? 0 : strataByKey[k].Count(p => selectedBy[p] != NotSelected), StringComparer.Ordinal);

        // Allocation: split groups (or the whole sample), then strata within each.
        var allocation = new Dictionary<string, int>(StringComparer.Ordinal);
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (groupKeys, groupTotal, groupName) in Groups(plan, orderedKeys, strataByKey, n))
        {
            long groupPopulation = groupKeys.Sum(k => (long)strataByKey[k].Count);
            if (groupTotal > groupPopulation)
                throw new PreconditionFailedException(
                    $"The fixed split gives group '{groupName}' {groupTotal} cases but only {groupPopulation} eligible cases are in it.");
            var groupFloor = groupKeys.Sum(k => floors[k]);
            if (groupFloor > groupTotal)
                throw new PreconditionFailedException(
                    $"The quotas put {groupFloor} cases in group '{groupName}' but the fixed split gives it {groupTotal}.");
            if (groupKeys.Length == 0) continue;
            var allocated = LargestRemainder.AllocateWithFloors(groupTotal,
                groupKeys.Select(k => (long)strataByKey[k].Count).ToArray(), groupKeys.Select(k => floors[k]).ToArray());
            for (var i = 0; i < groupKeys.Length; i++)
            {
                allocation[groupKeys[i]] = allocated[i];
                shares[groupKeys[i]] = groupPopulation == 0 ? 0 : (double)groupTotal * strataByKey[groupKeys[i]].Count / groupPopulation;
            }
        }

        // Fill each stratum in shuffle order; the next cases are its reserves.
        CaseRecord CaseAt(int p) => population.Record(eligible[order[p]]);
        var fillReason = plan.Split is null ? SelectedBy.Proportional : SelectedBy.Split;
        var strata = new List<StratumOutcome>(orderedKeys.Length);
        foreach (var key in orderedKeys)
        {
            var members = strataByKey[key];
            var target = allocation.GetValueOrDefault(key);
            var count = floors[key];
            var reserves = new List<DrawnCase>();
            foreach (var p in members)
            {
                if (selectedBy[p] != NotSelected) continue;
                if (count < target)
                {
                    selectedBy[p] = ByFill;
                    count++;
                }
                else if (reserves.Count < plan.ReservesPerStratum)
                {
                    reserves.Add(new DrawnCase(CaseAt(p), key, p, null));
                }
                else break;
            }
            strata.Add(new StratumOutcome(key, members.Count, shares.GetValueOrDefault(key), floors[key], target, reserves));
        }

        var drawn = new List<DrawnCase>(n);
        for (var p = 0; p < order.Length; p++)
        {
            if (selectedBy[p] != NotSelected)
                drawn.Add(new DrawnCase(CaseAt(p), keyOf[stratumOfCase[order[p]]], p, selectedBy[p] == ByQuota ? SelectedBy.Quota : fillReason));
        }
        var quotas = plan.Quotas
            .Select((q, i) => new QuotaOutcome(q.Quota, quotaEligible[i], drawn.Count(c => q.Matches(c.Case))))
            .ToList();
        var exclusionCounts = exclusions
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new ExclusionCount(e.Key, e.Value))
            .ToList();
        return new DrawOutcome(AlgorithmVersion, population.Count, eligible.Length, exclusionCounts, size, strata, quotas, drawn);
    }

    /// <summary>
    /// The indexes of the eligible cases, in canonical order, and the excluded ones counted per reason: the rule of
    /// <see cref="EligibilityRule.ExclusionCategory"/> (sentence type, then windows, then split group) decided
    /// once per distinct value and then read per case from the columns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Eligible(PopulationColumns population, EligibilityRule rule, out Dictionary<string, long> exclusions)
    {
        var typeChosen = population.SentenceType.Words.Select(rule.Chooses).ToArray();
        var types = population.SentenceType;
        var windows = rule.Windows.Select(w => (First: w.FirstDay.DayNumber, Last: w.LastDay.DayNumber)).ToArray();
        var days = population.StartDays;
        WordColumn? splitValues = null;
        bool[]? inSplit = null;
        if (rule.Split is { } split)
        {
            var values = split.Attribute.ValuesIn(population);
            splitValues = values;
            inSplit = values.Words.Select(w => split.GroupOfValue(w) is not null).ToArray();
        }

        var eligible = new List<int>(population.Count);
        long wrongType = 0, outside = 0, notInSplit = 0;
        for (var i = 0; i < population.Count; i++)
        {
            if (!typeChosen[types.Code(i)])
            {
                wrongType++;
                continue;
            }
            var day = days[i];
            var inWindow = false;
            foreach (var (first, last) in windows)
            {
                if (day >= first && day <= last)
                {
                    inWindow = true;
                    break;
                }
            }
            if (!inWindow)
            {
                outside++;
                continue;
            }
            if (inSplit is not null && !inSplit[splitValues!.Code(i)])
            {
                notInSplit++;
                continue;
            }
            eligible.Add(i);
        }
        exclusions = new Dictionary<string, long>(StringComparer.Ordinal);
        if (wrongType > 0) exclusions[Exclusion.SentenceTypeNotChosen] = wrongType;
        if (outside > 0) exclusions[Exclusion.OutsideWindows] = outside;
        if (notInSplit > 0) exclusions[Exclusion.NotInSplit] = notInSplit;
        return [.. eligible];
    }

    /// <summary>The cases sorted by reference (ordinal); the store hands them over sorted already, and then they are used as they are.</summary>
    public static IReadOnlyList<CaseRecord> CanonicalOrder(IReadOnlyList<CaseRecord> population)
    {
        var sorted = true;
        for (var i = 1; i < population.Count && sorted; i++)
        {
            sorted = string.CompareOrdinal(population[i - 1].CaseReference, population[i].CaseReference) < 0;
        }
        if (sorted) return population;
        var cases = population.ToArray();
        Array.Sort(cases, (a, b) => string.CompareOrdinal(a.CaseReference, b.CaseReference));
        for (var i = 1; i < cases.Length; i++)
        {
            if (string.Equals(cases[i - 1].CaseReference, cases[i].CaseReference, StringComparison.Ordinal))
                throw new PreconditionFailedException($"The snapshot holds case '{cases[i].CaseReference}' twice.");
        }
        return cases;
    }

    /// <summary>The stratum a case falls in: "split=&lt;group&gt;|attribute=value|...", or "all" with no strata.</summary>
    public static string StratumKey(CaseRecord c, DrawPlan plan, string[] parts)
    {
        if (parts.Length == 0) return "all";
        var i = 0;
        if (plan.Split is not null) parts[i++] = "split=" + plan.Split.GroupOf(c)!.Name;
        foreach (var attribute in plan.StratifyBy) parts[i++] = attribute.Name + "=" + attribute.ValueOf(c);
        return string.Join('|', parts);
    }

    private static IEnumerable<(string[] Keys, int Total, string Name)> Groups(
        DrawPlan plan, string[] orderedKeys, Dictionary<string, List<int>> strataByKey, int n)
    {
        if (plan.Split is null)
        {
            yield return (orderedKeys, n, "all");
            yield break;
        }
        var totals = LargestRemainder.Allocate(n, plan.Split.Groups.Select(g => (long)g.Weight).ToArray());
        for (var g = 0; g < plan.Split.Groups.Count; g++)
        {
            var prefix = "split=" + plan.Split.Groups[g].Name;
            var keys = orderedKeys.Where(k => k == prefix || k.StartsWith(prefix + "|", StringComparison.Ordinal)).ToArray();
            yield return (keys, totals[g], plan.Split.Groups[g].Name);
        }
    }

    private static void CheckWindowsNotEmpty(DrawPlan plan, PopulationColumns population, int[] eligible)
    {
        var windows = plan.Eligibility.Windows;
        var counts = new long[windows.Count];
        var bounds = windows.Select(w => (First: w.FirstDay.DayNumber, Last: w.LastDay.DayNumber)).ToArray();
        foreach (var i in eligible)
        {
            var day = population.StartDays[i];
            for (var w = 0; w < bounds.Length; w++)
            {
                if (day >= bounds[w].First && day <= bounds[w].Last) counts[w]++;
            }
        }
        var empty = Enumerable.Range(0, windows.Count).Where(w => counts[w] == 0).ToArray();
        if (empty.Length == 0 && eligible.Length > 0) return;
        var types = string.Join(", ", plan.Eligibility.SentenceTypes);
        var which = empty.Length == 0
            ? "No case of the snapshot is eligible"
            : string.Join("; ", empty.Select(w => string.Create(CultureInfo.InvariantCulture,
                $"eligibility window {w + 1} ({windows[w]}) holds no eligible case")));
        throw new PreconditionFailedException($"{which} (sentence types: {types}).");
    }
}
