namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>One kind of cause for concern: finds every provider that meets it in the facts, with the records that met it.</summary>
public interface IConcernRule
{
    ConcernRuleDefinition Definition { get; }

    /// <summary>Every finding the facts hold on <paramref name="today"/> (England's date), whenever it was met.</summary>
    IEnumerable<ConcernFinding> Find(ConcernFacts facts, DateOnly today);
}
