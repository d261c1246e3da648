namespace Inspection.Recommendations.Domain.Frameworks;

/// <summary>What a framework item is: a standard, or a key question of one.</summary>
public enum OutlineKind
{
    Standard,
    KeyQuestion,
}
