namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>CloseCauseForConcern: a person closes a flag with the reason (INVALID_ARGUMENT naming <c>reason</c> without one).</summary>
public sealed record CloseConcern(Guid ConcernId, string Reason, string ClosedBy)
{
    public const int MaxReasonLength = 2000;

    public static CloseConcern Create(string? concernId, string? reason, string? closedBy)
    {
        var violations = new List<FieldViolation>();
        var id = Identifier.ParseRequired(concernId, "concern_id", violations);
        var why = RequestText.Required(reason, "reason", MaxReasonLength, violations);
        var by = RequestText.Required(closedBy, "closed_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new CloseConcern(id, why, by);
    }
}
