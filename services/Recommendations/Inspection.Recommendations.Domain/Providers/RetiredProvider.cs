namespace Inspection.Recommendations.Domain.Providers;

/// <summary>When, why and by whom a provider was retired.</summary>
public sealed record RetiredProvider(DateTimeOffset At, string Reason, string By);
