namespace Inspection.Recommendations.Domain.Providers;

/// <summary>
/// Retiring a provider (RetireProvider): kept in the record with its inspections, recommendations and lineage, hidden
/// from lists and pickers. There is no delete, so nothing that refers to a provider is ever left pointing nowhere.
/// </summary>
public sealed record ProviderRetirement(Guid ProviderId, string Reason, string RetiredBy)
{
    public const int MaxReasonLength = 1000;

    public static ProviderRetirement Create(string? providerId, string? reason, string? retiredBy)
    {
        var violations = new List<FieldViolation>();
        var id = Identifier.ParseRequired(providerId, "provider_id", violations);
        var validReason = RequestText.Required(reason, "reason", MaxReasonLength, violations);
        var by = RequestText.Required(retiredBy, "retired_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new ProviderRetirement(id, validReason, by);
    }

    /// <summary>FAILED_PRECONDITION when the provider is retired already: what may not happen to it is said in words.</summary>
    public static void EnsureNotRetired(Provider provider, string what)
    {
        if (provider.Retired is { } retired)
            throw new PreconditionFailedException(
                $"{provider.Name} was retired on {CalendarDate.ToText(EnglandCalendar.DateOn(retired.At))} ({retired.Reason}) and cannot be {what}.");
    }
}
