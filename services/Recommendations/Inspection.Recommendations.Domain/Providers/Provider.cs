namespace Inspection.Recommendations.Domain.Providers;

/// <summary>An organisation in the register: one the inspectorate inspects, or a region or national body it addresses.</summary>
public sealed record Provider(
    Guid Id,
    string Name,
    ProviderType Type,
    string Region,
    DateOnly? ActiveFrom,
    DateOnly? ActiveTo,
    long Version,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    RetiredProvider? Retired = null);
