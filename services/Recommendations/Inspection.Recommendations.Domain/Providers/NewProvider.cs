namespace Inspection.Recommendations.Domain.Providers;

/// <summary>A provider to add to the register, validated.</summary>
public sealed record NewProvider(string Name, ProviderType Type, string Region, DateOnly? ActiveFrom, DateOnly? ActiveTo, string CreatedBy)
{
    /// <param name="today">Today in England: a provider cannot have become active after it (null where a caller has no clock, as the reference data).</param>
    public static NewProvider Create(string? name, string? type, string? region, string? activeFrom, string? activeTo, string? createdBy, DateOnly? today = null)
    {
        var violations = new List<FieldViolation>();
        var validName = RequestText.Required(name, "name", 200, violations);
        var validType = ProviderType.Parse(type, "type", violations);
        var validRegion = ProviderRegion.Check(region, validType, violations);
        var from = CalendarDate.Optional(violations, "active_from", activeFrom);
        var to = CalendarDate.Optional(violations, "active_to", activeTo);
        if (today is { } now) NotInTheFuture.Check(violations, "active_from", "The date the provider became active", from, now);
        if (from is { } f && to is { } t && t < f) violations.Add(new FieldViolation("active_to", "before active_from"));
        var by = RequestText.Required(createdBy, "created_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new NewProvider(validName, validType!, validRegion, from, to, by);
    }
}
