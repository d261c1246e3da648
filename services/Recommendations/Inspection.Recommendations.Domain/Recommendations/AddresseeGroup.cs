namespace Inspection.Recommendations.Domain.Recommendations;

/// <summary>
/// Who a recommendation is addressed to. Reports number recommendations continuously across these groups in
/// this order (rank): the provider, its region or division, HM Prison and Probation Service, the Ministry of Justice.
/// </summary>
public sealed class AddresseeGroup
{
    public static readonly AddresseeGroup Provider = new("provider", 1, "the inspected provider", "the provider");
    public static readonly AddresseeGroup Region = new("region", 2, "the provider's region or division", "the region");
    public static readonly AddresseeGroup Hmpps = new("hmpps", 3, "HM Prison and Probation Service", "HM Prison and Probation Service");
    public static readonly AddresseeGroup Moj = new("moj", 4, "the Ministry of Justice", "the Ministry of Justice");

    public static IReadOnlyList<AddresseeGroup> All { get; } = [Provider, Region, Hmpps, Moj];

    private AddresseeGroup(string word, int rank, string description, string shortName)
    {
        Word = word;
        Rank = rank;
        Description = description;
        ShortName = shortName;
    }

    public string Word { get; }
    public int Rank { get; }
    public string Description { get; }

    /// <summary>How a sentence names the group: "Recommendations to the region come after those to the provider".</summary>
    public string ShortName { get; }

    public static bool TryParse(string? word, out AddresseeGroup group)
    {
        group = All.FirstOrDefault(g => string.Equals(g.Word, word?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return group is not null;
    }

    public static AddresseeGroup FromWord(string word) =>
        TryParse(word, out var group) ? group : throw new ArgumentException($"'{word}' is not an addressee group", nameof(word));

    public static AddresseeGroup? Parse(string? word, string field, ICollection<FieldViolation> violations)
    {
        if (TryParse(word, out var group)) return group;
        violations.Add(new FieldViolation(field, string.IsNullOrWhiteSpace(word)
            ? $"required: one of {string.Join(", ", All.Select(g => g.Word))}"
            : $"'{word}' is not an addressee group: one of {string.Join(", ", All.Select(g => g.Word))}"));
        return null;
    }

    public override string ToString() => Word;
}
