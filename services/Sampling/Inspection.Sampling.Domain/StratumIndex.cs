namespace Inspection.Sampling.Domain;

/// <summary>
/// Puts a million cases in their strata quickly: each part of the key (the split group, then each attribute) is
/// numbered per case in one pass, the numbers are combined into one code per case, and the code leads to the
/// stratum's number; a stratum's key text is built once, from the first case met in it. Strata are numbered in the
/// order first met (the draw orders them by key afterwards).
/// </summary>
public static class StratumIndex
{
    /// <summary>The stratum number of each case, and the stratum keys by number.</summary>
    public static (int[] StratumOf, IReadOnlyList<string> Keys) Classify(CaseRecord[] cases, DrawPlan plan)
    {
        var parts = new List<Func<CaseRecord, string>>();
        if (plan.Split is { } split) parts.Add(c => split.GroupOf(c)!.Name);
        parts.AddRange(plan.StratifyBy.Select(a => a.ValueOf));
        var keyParts = new string[parts.Count];
        var stratumOf = new int[cases.Length];
        var keys = new List<string>();
        if (parts.Count == 0)
        {
            if (cases.Length > 0) keys.Add(CaseSampler.StratumKey(cases[0], plan, keyParts));
            return (stratumOf, keys);
        }

        // One pass per part: a number per distinct value, and the code so far (mixed radix: part by part).
        // Every code stays below radix x (values of the part), which is checked to fit in a long before it is used.
        var codes = new long[cases.Length];
        long radix = 1;
        var overflow = false;
        var numbers = new ValueNumbers[parts.Count];
        for (var j = 0; j < parts.Count && !overflow; j++)
        {
            numbers[j] = new ValueNumbers();
            var partNumbers = new int[cases.Length];
            for (var i = 0; i < cases.Length; i++) partNumbers[i] = numbers[j].NumberOf(parts[j](cases[i]));
            if (radix > long.MaxValue / Math.Max(1, numbers[j].Count))
            {
                overflow = true;
                break;
            }
            for (var i = 0; i < cases.Length; i++) codes[i] += partNumbers[i] * radix;
            radix *= Math.Max(1, numbers[j].Count);
        }
        if (overflow)
        {
            // Too many value combinations to code exactly (open attributes with huge numbers of values): classify
            // by the key text itself, which is always exact.
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < cases.Length; i++)
            {
                var key = CaseSampler.StratumKey(cases[i], plan, keyParts);
                if (!byKey.TryGetValue(key, out var s))
                {
                    s = keys.Count;
                    byKey.Add(key, s);
                    keys.Add(key);
                }
                stratumOf[i] = s;
            }
            return (stratumOf, keys);
        }

        var byCode = new Dictionary<long, int>();
        for (var i = 0; i < cases.Length; i++)
        {
            if (!byCode.TryGetValue(codes[i], out var s))
            {
                s = keys.Count;
                byCode.Add(codes[i], s);
                keys.Add(CaseSampler.StratumKey(cases[i], plan, keyParts));
            }
            stratumOf[i] = s;
        }
        return (stratumOf, keys);
    }

    /// <summary>Numbers distinct values; most values are the vocabulary's own strings, so a reference check usually finds them.</summary>
    private sealed class ValueNumbers
    {
        private readonly List<string> _seen = [];
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

        public int Count => _seen.Count;

        public int NumberOf(string value)
        {
            var seen = _seen;
            for (var k = 0; k < seen.Count && k < 8; k++)
            {
                if (ReferenceEquals(seen[k], value)) return k;
            }
            if (_numbers.TryGetValue(value, out var number)) return number;
            number = seen.Count;
            seen.Add(value);
            _numbers.Add(value, number);
            return number;
        }
    }
}
