namespace Inspection.Recommendations.Demo;

/// <summary>
/// After the demo load, the causes for concern are evaluated over what was loaded, so the run command's dashboard shows
/// them at once rather than at the next sweep. The reference inspections raise none: every rule came into force
/// (concern-rules.json's in_force_from) after their reports, so no real organisation is flagged for what the system
/// never recorded of it, and they keep only what was published. The fictional example provider (ExampleInspection,
/// "Example Probation Delivery Unit (fictional)") is the one flagged: its second inspection, published on 6 October
/// 2025, never had its improvement plan received, which the rule "Improvement plan still missing eight weeks after it
/// was due" meets. Raising is idempotent, so a second load raises nothing.
/// </summary>
public sealed class DemoConcerns(CausesForConcern concerns)
{
    /// <summary>Evaluates every rule; how many flags this raised.</summary>
    public async Task<int> RaiseAsync(CancellationToken ct) => (await concerns.RaiseAsync(ct)).Count;
}
