namespace Inspection.Grpc.Benchmarks;

/// <summary>One cell of the table: calls per second and latency percentiles over the measured window.</summary>
public sealed record Measurement(long Calls, double Seconds, double Rps, double P50Us, double P99Us)
{
    /// <summary>Bytes this process allocated per call during the measurement (only known for in-process .NET clients).</summary>
    public long? AllocatedBytesPerCall { get; init; }

    public static Measurement From(IReadOnlyList<double> latenciesUs, double seconds)
    {
        var sorted = latenciesUs.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p / 100 * sorted.Length))];
        return new Measurement(sorted.Length, seconds, sorted.Length / seconds, At(50), At(99));
    }
}
