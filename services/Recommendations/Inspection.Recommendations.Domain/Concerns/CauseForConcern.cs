namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>
/// A provider flagged by a rule (id and version as raised, with the rule's words), the records that met it, when it was
/// met and raised, and, once a person has closed it, who, when and why. Closed is final: the same records never raise it again.
/// </summary>
public sealed record CauseForConcern(
    Guid Id, Guid ProviderId, string ProviderName, string RuleId, int RuleVersion, string RuleTitle, string Detail,
    IReadOnlyList<ConcernRecord> Records, DateOnly MetOn, DateTimeOffset RaisedAt, long Version, ConcernClosure? Closure)
{
    /// <summary>FAILED_PRECONDITION when closed already, saying by whom and when.</summary>
    public void EnsureOpen()
    {
        if (Closure is { } closed)
            throw new PreconditionFailedException(
                $"This cause for concern was closed on {DateInWords.Of(EnglandCalendar.DateOn(closed.ClosedAt))} by {closed.ClosedBy}: {closed.Reason}");
    }
}
