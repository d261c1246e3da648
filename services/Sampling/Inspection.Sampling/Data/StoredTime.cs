namespace Inspection.Sampling.Data;

/// <summary>PostgreSQL hands timestamptz back as a DateTime in UTC: the instant it is.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
