namespace Inspection.Statistics.Tests;

internal static class Numbers
{
    /// <summary>Agreement to 1e-9, absolute for figures below 1 and relative above (statistics run into the hundreds).</summary>
    public static void Agree(double expected, double actual, string what)
    {
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: R {expected:R}, ours {actual:R}");
    }
}
