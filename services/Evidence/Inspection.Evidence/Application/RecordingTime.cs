namespace Inspection.Evidence.Application;

/// <summary>When a write is recorded, from the host's TimeProvider.</summary>
internal static class RecordingTime
{
    // PostgreSQL keeps microseconds: trimming here makes the value returned now equal the value read back later.
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
