namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>When a decision rule applies, read from its <c>applies_when</c> text.</summary>
public abstract record RuleCondition
{
    private RuleCondition() { }

    /// <summary>Always in force ("always").</summary>
    public sealed record Always : RuleCondition;

    /// <summary>Every rated, applicable standard of a domain has one of the ratings ("every domain two standard rated ...").</summary>
    public sealed record EveryStandardOfDomain(string DomainId, IReadOnlySet<string> Ratings) : RuleCondition;

    /// <summary>One standard has one of the ratings ("Implementation and delivery rated Inadequate").</summary>
    public sealed record StandardRated(string StandardId, IReadOnlySet<string> Ratings) : RuleCondition;
}
