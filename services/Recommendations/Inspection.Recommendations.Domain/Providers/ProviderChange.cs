namespace Inspection.Recommendations.Domain.Providers;

/// <summary>A provider as it should now read (UpdateProvider): its name, region and active dates; its type stays.</summary>
public sealed record ProviderChange(Guid ProviderId, string Name, string Region, DateOnly? ActiveFrom, DateOnly? ActiveTo, string UpdatedBy)
{
    public static ProviderChange Create(
        string? providerId, string? name, string? region, string? activeFrom, string? activeTo, string? updatedBy, DateOnly today)
    {
        var violations = new List<FieldViolation>();
        var id = Identifier.ParseRequired(providerId, "provider_id", violations);
        var validName = RequestText.Required(name, "name", 200, violations);
        var validRegion = RequestText.Optional(region, "region", ProviderRegion.MaxLength, violations);
        var (from, to) = ActivePeriod.Read(activeFrom, activeTo, today, violations);
        var by = RequestText.Required(updatedBy, "updated_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new ProviderChange(id, validName, validRegion, from, to, by);
    }

    /// <summary>
    /// The change checked against the provider as stored: a retired provider is kept as it was (FAILED_PRECONDITION);
    /// the region must suit its type (INVALID_ARGUMENT naming region).
    /// </summary>
    public void EnsureFits(Provider current)
    {
        ProviderRetirement.EnsureNotRetired(current, "edited");
        var violations = new List<FieldViolation>();
        ProviderRegion.Check(Region, current.Type, violations);
        ValidationException.ThrowIfAny(violations);
    }
}
