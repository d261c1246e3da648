using System.Numerics;

namespace Inspection.Sampling.Domain.Drawing;

/// <summary>
/// xoshiro256** 1.0 (Blackman and Vigna 2018, prng.di.unimi.it), seeded by <see cref="SplitMix64"/>.
/// We do not use System.Random: its algorithm is not specified and has changed between .NET versions, and a
/// sample must be re-drawable by anyone, on any machine, years later. This generator is fully specified by
/// its published reference code and uses only 64-bit integer arithmetic.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        var expander = new SplitMix64(seed);
        _s0 = expander.Next();
        _s1 = expander.Next();
        _s2 = expander.Next();
        _s3 = expander.Next();
    }

    /// <summary>Starts from an explicit state (for checking against the reference code's known outputs).</summary>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0) throw new ArgumentException("The state must not be all zero.");
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    public ulong Next()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>
    /// A uniform integer in [0, bound) without modulo bias: outputs below 2^64 mod bound are rejected and the
    /// next output taken, then the remainder modulo bound is returned.
    /// </summary>
    public ulong NextBelow(ulong bound)
    {
        if (bound == 0) throw new ArgumentOutOfRangeException(nameof(bound));
        var threshold = (0UL - bound) % bound;
        ulong r;
        do r = Next(); while (r < threshold);
        return r % bound;
    }
}
