namespace Inspection.Evidence.Domain.Frameworks;

/// <summary>The domain-one part of one framework: its judged standards and the words a judgement may use.</summary>
public sealed record OrganisationalFramework(
    string Id,
    string Name,
    IReadOnlyList<OrganisationalStandard> Standards,
    IReadOnlyList<string> RatingWords)
{
    public OrganisationalStandard? FindStandard(string standardId) =>
        Standards.FirstOrDefault(s => s.Id == standardId);

    /// <summary>The standard, or a violation of <paramref name="field"/> naming the framework's standards.</summary>
    public OrganisationalStandard RequireStandard(string? standardId, string field = "standard_id")
    {
        if (string.IsNullOrWhiteSpace(standardId))
            throw new ValidationException(field, "is required");
        return FindStandard(standardId) ?? throw new ValidationException(field, NotAStandard(standardId));
    }

    /// <summary>The standard named by <paramref name="standardId"/> (trimmed), or null with its violation added to those of a whole input.</summary>
    public OrganisationalStandard? FindStandard(List<FieldViolation> violations, string? standardId)
    {
        if (string.IsNullOrWhiteSpace(standardId))
        {
            violations.Add(new FieldViolation("standard_id", "is required"));
            return null;
        }
        var standard = FindStandard(standardId.Trim());
        if (standard is null) violations.Add(new FieldViolation("standard_id", NotAStandard(standardId)));
        return standard;
    }

    private string NotAStandard(string standardId) =>
        $"'{standardId}' is not a domain-one standard of framework {Id} (expected one of {string.Join(", ", Standards.Select(s => s.Id))})";

    public int StandardOrder(string standardId)
    {
        for (var i = 0; i < Standards.Count; i++)
            if (Standards[i].Id == standardId) return i;
        return Standards.Count;
    }

    public bool IsRatingWord(string? rating) => rating is not null && RatingWords.Contains(rating, StringComparer.Ordinal);
}
