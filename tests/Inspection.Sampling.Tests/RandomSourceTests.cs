using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Drawing;

namespace Inspection.Sampling.Tests;

/// <summary>
/// The generator must match its published reference code, or a sample could not be re-drawn elsewhere.
/// Known answers: SplitMix64 from seed 1234567 (the reference code's test values), xoshiro256** from the
/// state {1, 2, 3, 4}, and a shuffle checked against an independent implementation in another language.
/// </summary>
public sealed class RandomSourceTests
{
    [Fact]
    public void SplitMix64_matches_the_reference_outputs()
    {
        var generator = new SplitMix64(1234567);
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        Assert.Equal(expected, expected.Select(_ => generator.Next()).ToArray());
    }

    [Fact]
    public void Xoshiro256StarStar_matches_the_reference_outputs()
    {
        var generator = new Xoshiro256StarStar(1, 2, 3, 4);
        ulong[] expected = [11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600];
        Assert.Equal(expected, expected.Select(_ => generator.Next()).ToArray());
    }

    [Fact]
    public void Seeding_expands_the_seed_through_SplitMix64()
    {
        var generator = new Xoshiro256StarStar(42);
        Assert.Equal([1546998764402558742UL, 6990951692964543102UL, 12544586762248559009UL], new[] { generator.Next(), generator.Next(), generator.Next() });
    }

    [Fact]
    public void The_shuffle_is_the_documented_Fisher_Yates()
    {
        var items = Enumerable.Range(0, 10).ToArray();
        SeededShuffle.Shuffle(items, new Xoshiro256StarStar(20221101));
        Assert.Equal([4, 2, 0, 6, 8, 9, 1, 5, 7, 3], items);
    }

    [Fact]
    public void Bounded_draws_stay_in_range_and_cover_it()
    {
        var generator = new Xoshiro256StarStar(9);
        var seen = new int[7];
        for (var i = 0; i < 7_000; i++) seen[generator.NextBelow(7)]++;
        Assert.All(seen, count => Assert.InRange(count, 850, 1150));
    }
}
