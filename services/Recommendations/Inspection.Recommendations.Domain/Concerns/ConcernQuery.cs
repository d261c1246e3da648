namespace Inspection.Recommendations.Domain.Concerns;

/// <summary>ListCausesForConcern: one provider's flags (or everyone's), open ones unless closed ones are asked for.</summary>
public sealed record ConcernQuery(Guid? ProviderId, bool IncludeClosed, bool ClosedOnly)
{
    public static ConcernQuery Create(string? providerId, bool includeClosed, bool closedOnly)
    {
        var violations = new List<FieldViolation>();
        var provider = Identifier.ParseOptional(providerId, "provider_id", violations);
        ValidationException.ThrowIfAny(violations);
        return new ConcernQuery(provider, includeClosed || closedOnly, closedOnly);
    }
}
