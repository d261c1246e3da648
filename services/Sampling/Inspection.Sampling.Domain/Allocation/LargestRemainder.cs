namespace Inspection.Sampling.Domain.Allocation;

/// <summary>
/// Proportional allocation with largest remainders (Hamilton's method), in exact integer arithmetic so
/// every machine gets the same answer: part i first gets floor(total x w_i / W); the cases left over go one
/// each to the parts with the largest remainders (total x w_i mod W). Ties: the larger part (weight) first,
/// then the earlier part in the order given (strata are given in ordinal order of their keys, split groups in
/// the order of the request).
/// </summary>
public static class LargestRemainder
{
    public static int[] Allocate(int total, IReadOnlyList<long> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var result = new int[weights.Count];
        if (weights.Count == 0) return result;
        long sum = 0;
        foreach (var w in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(w);
            sum = checked(sum + w);
        }
        if (sum == 0) throw new ArgumentException("The weights must not all be zero.", nameof(weights));

        var remainders = new long[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var numerator = checked((long)total * weights[i]);
            result[i] = (int)(numerator / sum);
            remainders[i] = numerator % sum;
            given += result[i];
        }
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i])
            .ThenByDescending(i => weights[i])
            .ThenBy(i => i)
            .ToArray();
        for (var k = 0; k < total - given; k++) result[order[k]]++;
        return result;
    }

    /// <summary>
    /// Proportional allocation where part i must get at least floors[i] (cases already chosen for quotas):
    /// parts whose proportional allocation falls below their floor are fixed at the floor and the rest of the
    /// total is allocated again, in proportion, among the other parts, until no part falls below its floor.
    /// </summary>
    public static int[] AllocateWithFloors(int total, IReadOnlyList<long> sizes, IReadOnlyList<int> floors)
    {
        if (sizes.Count != floors.Count) throw new ArgumentException("One floor per part.", nameof(floors));
        if (floors.Sum() > total) throw new ArgumentException("The floors exceed the total.", nameof(floors));
        var isFixed = new bool[sizes.Count];
        while (true)
        {
            var free = Enumerable.Range(0, sizes.Count).Where(i => !isFixed[i]).ToArray();
            var rest = total - Enumerable.Range(0, sizes.Count).Where(i => isFixed[i]).Sum(i => floors[i]);
            var provisional = free.Length == 0 ? [] : Allocate(rest, free.Select(i => sizes[i]).ToArray());
            var below = Enumerable.Range(0, free.Length).Where(k => provisional[k] < floors[free[k]]).ToArray();
            if (below.Length == 0)
            {
                var result = new int[sizes.Count];
                for (var i = 0; i < sizes.Count; i++) result[i] = floors[i];
                for (var k = 0; k < free.Length; k++) result[free[k]] = provisional[k];
                for (var i = 0; i < sizes.Count; i++)
                {
                    if (result[i] > sizes[i]) throw new InvalidOperationException($"Part {i} was allocated more than its size.");
                }
                return result;
            }
            foreach (var k in below) isFixed[free[k]] = true;
        }
    }
}
