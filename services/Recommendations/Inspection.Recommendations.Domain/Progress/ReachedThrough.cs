namespace Inspection.Recommendations.Domain.Progress;

/// <summary>How a recommendation reaches an inspection: addressed to the inspected provider itself, or to one of its predecessors.</summary>
public enum ReachedThrough
{
    Self,
    Predecessor,
}
