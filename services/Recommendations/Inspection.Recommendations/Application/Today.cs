namespace Inspection.Recommendations.Application;

/// <summary>The calendar day (UTC) on the host's clock: what "overdue" and "not in the future" are judged against.</summary>
public static class Today
{
    public static DateOnly From(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
