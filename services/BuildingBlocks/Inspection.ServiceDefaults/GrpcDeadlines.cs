namespace Inspection.ServiceDefaults;

/// <summary>
/// The one place a gRPC deadline meets the clock. gRPC deadlines are absolute instants of the machine's wall clock (the
/// library compares them with it and sends what is left as grpc-timeout), so they are read from the system clock, not
/// from the TimeProvider tests may set to another day: a test clock would end every call at once, or never.
/// </summary>
public static class GrpcDeadlines
{
    /// <summary>The deadline of a call that may take <paramref name="time"/> from now.</summary>
    public static DateTime After(TimeSpan time) => Now + time;

    /// <summary>What is left before <paramref name="deadline"/> (negative once it has passed).</summary>
    public static TimeSpan Remaining(DateTime deadline) => deadline - Now;

    public static bool HasPassed(DateTime deadline) => Remaining(deadline) <= TimeSpan.Zero;

    private static DateTime Now => DateTime.UtcNow;
}
