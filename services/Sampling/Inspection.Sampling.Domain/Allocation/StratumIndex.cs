using System.Runtime.CompilerServices;

namespace Inspection.Sampling.Domain.Allocation;

/// <summary>
/// Puts a million cases in their strata quickly: each part of the key (the split group, then each attribute) is
/// numbered per case from its column, the numbers are combined into one code per case, and the code leads to the
/// stratum's number; a stratum's key text is built once, from the first case met in it. Strata are numbered in the
/// order first met (the draw orders them by key afterwards).
/// </summary>
public static class StratumIndex
{
    /// <summary>The stratum number of each eligible case (eligible holds case indexes, in canonical order), and the stratum keys by number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int[] StratumOf, IReadOnlyList<string> Keys) Classify(PopulationColumns population, int[] eligible, DrawPlan plan)
    {
        var parts = Parts(population, plan);
        var stratumOf = new int[eligible.Length];
        var keys = new List<string>();
        if (parts.Count == 0)
        {
            if (eligible.Length > 0) keys.Add("all");
            return (stratumOf, keys);
        }

        // One pass per part: a number per distinct value in the order first met, and the code so far (mixed radix:
        // part by part). Every code stays below radix x (values of the part), which is checked to fit in a long.
        var codes = new long[eligible.Length];
        long radix = 1;
        var overflow = false;
        foreach (var part in parts)
        {
            var numberOf = new int[part.Words.Length];
            Array.Fill(numberOf, -1);
            var distinct = 0;
            var partNumbers = new int[eligible.Length];
            for (var e = 0; e < eligible.Length; e++)
            {
                var value = part.ValueOf[part.Column.Code(eligible[e])];
                var number = numberOf[value];
                if (number < 0) number = numberOf[value] = distinct++;
                partNumbers[e] = number;
            }
            if (radix > long.MaxValue / Math.Max(1, distinct))
            {
                overflow = true;
                break;
            }
            for (var e = 0; e < eligible.Length; e++) codes[e] += partNumbers[e] * radix;
            radix *= Math.Max(1, distinct);
        }

        var words = new string[parts.Count];
        string KeyOf(int caseIndex)
        {
            for (var j = 0; j < parts.Count; j++) words[j] = parts[j].KeyPart(parts[j].ValueOf[parts[j].Column.Code(caseIndex)]);
            return string.Join('|', words);
        }

        if (overflow)
        {
            // Too many value combinations to code exactly (open attributes with huge numbers of values): classify
            // by the key text itself, which is always exact.
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var e = 0; e < eligible.Length; e++)
            {
                var key = KeyOf(eligible[e]);
                if (!byKey.TryGetValue(key, out var s))
                {
                    s = keys.Count;
                    byKey.Add(key, s);
                    keys.Add(key);
                }
                stratumOf[e] = s;
            }
            return (stratumOf, keys);
        }

        // Few combinations (the usual case): a table indexed by code; otherwise a dictionary.
        if (radix <= 1 << 20)
        {
            var byCode = new int[radix];
            Array.Fill(byCode, -1);
            for (var e = 0; e < eligible.Length; e++)
            {
                var s = byCode[codes[e]];
                if (s < 0)
                {
                    s = byCode[codes[e]] = keys.Count;
                    keys.Add(KeyOf(eligible[e]));
                }
                stratumOf[e] = s;
            }
            return (stratumOf, keys);
        }
        var byLongCode = new Dictionary<long, int>();
        for (var e = 0; e < eligible.Length; e++)
        {
            if (!byLongCode.TryGetValue(codes[e], out var s))
            {
                s = keys.Count;
                byLongCode.Add(codes[e], s);
                keys.Add(KeyOf(eligible[e]));
            }
            stratumOf[e] = s;
        }
        return (stratumOf, keys);
    }

    /// <summary>
    /// The parts of a stratum key: the split group (values of the split attribute lead to their group), then each
    /// stratification attribute's value.
    /// </summary>
    private static List<Part> Parts(PopulationColumns population, DrawPlan plan)
    {
        var parts = new List<Part>();
        if (plan.Split is { } split)
        {
            var column = split.Attribute.ValuesIn(population);
            var groupNames = split.Groups.Select(g => g.Name).ToArray();
            // A value in no group never reaches here (such cases are not eligible); it gets a number of its own all the same.
            var valueOf = column.Words.Select(w => split.GroupOfValue(w) is { } g ? Array.IndexOf(groupNames, g.Name) : -1).ToArray();
            var outside = groupNames.Length;
            for (var v = 0; v < valueOf.Length; v++) if (valueOf[v] < 0) valueOf[v] = outside;
            parts.Add(new Part(column, valueOf, [.. groupNames, ""], number => "split=" + groupNames[number]));
        }
        foreach (var attribute in plan.StratifyBy)
        {
            var column = attribute.ValuesIn(population);
            var words = column.Words.ToArray();
            parts.Add(new Part(column, Enumerable.Range(0, words.Length).ToArray(), words, number => attribute.Name + "=" + words[number]));
        }
        return parts;
    }

    /// <summary>One part of the key: a column, its values' numbers within the part, the part's words and how a number reads in the key.</summary>
    private sealed record Part(WordColumn Column, int[] ValueOf, string[] Words, Func<int, string> KeyPart);
}
