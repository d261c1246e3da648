namespace Inspection.Data;

/// <summary>
/// Who is writing, for the audit trail: set once per call by the host (after authentication) and carried on the async
/// flow; every connection the <see cref="Database"/> opens hands it to PostgreSQL, where the audit triggers read it.
/// </summary>
public sealed record AuditActor(string Actor, string? Rpc, string? TraceId)
{
    private static readonly AsyncLocal<AuditActor?> CurrentActor = new();

    public static AuditActor? Current
    {
        get => CurrentActor.Value;
        set => CurrentActor.Value = value;
    }
}
