namespace Inspection.Recommendations.Domain.Providers;

/// <summary>Which providers a list asks for.</summary>
public sealed record ProviderQuery(ProviderType? Type, string Region, string NameContains, DateOnly? ActiveOn, PageRequest Page, ProviderListing Listing = ProviderListing.ActiveOnly)
{
    public static ProviderQuery Create(string? type, string? region, string? nameContains, string? activeOn, int pageSize, string? pageToken,
        bool includeRetired = false, bool retiredOnly = false)
    {
        var violations = new List<FieldViolation>();
        var validType = string.IsNullOrWhiteSpace(type) ? null : ProviderType.Parse(type, "type", violations);
        var date = CalendarDate.Optional(violations, "active_on", activeOn);
        var page = PageRequest.Parse(pageSize, pageToken, violations);
        ValidationException.ThrowIfAny(violations);
        return new ProviderQuery(validType, region?.Trim() ?? string.Empty, nameContains?.Trim() ?? string.Empty, date, page,
            retiredOnly ? ProviderListing.RetiredOnly : includeRetired ? ProviderListing.All : ProviderListing.ActiveOnly);
    }
}
