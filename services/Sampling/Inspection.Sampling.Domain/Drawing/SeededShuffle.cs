using System.Runtime.CompilerServices;

namespace Inspection.Sampling.Domain.Drawing;

/// <summary>
/// The Fisher-Yates shuffle as Durstenfeld wrote it (Knuth's Algorithm P): for i from the last index down to 1,
/// swap item i with item j = NextBelow(i + 1). Given the same items in the same order and the same generator
/// state, the result is the same everywhere.
/// </summary>
public static class SeededShuffle
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Shuffle<T>(T[] items, Xoshiro256StarStar random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)random.NextBelow((ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
