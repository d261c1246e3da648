namespace Inspection.Recommendations.Domain.Providers;

/// <summary>Where a provider of each type sits: the rule CreateProvider and UpdateProvider share.</summary>
public static class ProviderRegion
{
    public const int MaxLength = 100;

    /// <summary>The region, trimmed; a violation naming <c>region</c> when the type needs one it lacks, or has one it cannot.</summary>
    public static string Check(string? region, ProviderType? type, ICollection<FieldViolation> violations)
    {
        var valid = RequestText.Optional(region, "region", MaxLength, violations);
        // A PDU or a region is always somewhere; a national body never is (its recommendations are tracked nationally).
        if (type == ProviderType.Pdu || type == ProviderType.Region)
        {
            if (valid.Length == 0) violations.Add(new FieldViolation("region", $"required for a provider of type {type!.Word}"));
        }
        else if (type == ProviderType.NationalBody && valid.Length > 0)
        {
            violations.Add(new FieldViolation("region", "a national body has no region"));
        }
        return valid;
    }
}
