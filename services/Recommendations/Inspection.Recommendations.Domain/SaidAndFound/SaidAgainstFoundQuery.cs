namespace Inspection.Recommendations.Domain.SaidAndFound;

/// <summary>GetSaidAgainstFound: recommendations addressed to one provider or to providers of one region, or all.</summary>
public sealed record SaidAgainstFoundQuery(Guid? ProviderId, string? Region)
{
    public static SaidAgainstFoundQuery Create(List<FieldViolation> violations, string? providerId, string? region)
    {
        var provider = Identifier.ParseOptional(providerId, "provider_id", violations);
        var inRegion = RequestText.Optional(region, "region", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new SaidAgainstFoundQuery(provider, inRegion.Length == 0 ? null : inRegion);
    }

    public bool Includes(JudgedRecommendation judged) =>
        (ProviderId is not { } provider || judged.AddresseeProviderId == provider)
        && (Region is not { } region || string.Equals(judged.AddresseeRegion, region, StringComparison.OrdinalIgnoreCase));
}
