namespace Inspection.Sampling.Domain.Drawing;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014; the reference code by Sebastiano Vigna, prng.di.unimi.it):
/// used only to expand a 64-bit seed into the four state words of <see cref="Xoshiro256StarStar"/>, as its
/// authors recommend. Pure 64-bit integer arithmetic: the same numbers on every machine and runtime.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
