namespace Inspection.Sampling.Data;

/// <summary>When, why and by whom a snapshot was withdrawn.</summary>
public sealed record WithdrawnSnapshot(DateTimeOffset At, string Reason, string By);
