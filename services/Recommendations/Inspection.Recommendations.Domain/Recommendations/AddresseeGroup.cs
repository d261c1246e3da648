namespace Inspection.Recommendations.Domain.Recommendations;

/// <summary>
/// Who a recommendation is addressed to. Reports number recommendations continuously across these groups in
/// this order (rank): the provider, its region or division, HM Prison and Probation Service, the Ministry of Justice.
/// </summary>
public sealed class AddresseeGroup : IWordListed<AddresseeGroup>
{
    public static readonly AddresseeGroup Provider = new("provider", 1, "the inspected provider", "the provider");
    public static readonly AddresseeGroup Region = new("region", 2, "the provider's region or division", "the region");
    public static readonly AddresseeGroup Hmpps = new("hmpps", 3, "HM Prison and Probation Service", "HM Prison and Probation Service");
    public static readonly AddresseeGroup Moj = new("moj", 4, "the Ministry of Justice", "the Ministry of Justice");

    public static IReadOnlyList<AddresseeGroup> All { get; } = [Provider, Region, Hmpps, Moj];

    public static string Kind => "an addressee group";

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

    public static AddresseeGroup FromWord(string word) => WordList.FromStored<AddresseeGroup>(word);

    public static AddresseeGroup? Parse(string? word, string field, ICollection<FieldViolation> violations) =>
        WordList.Parse<AddresseeGroup>(word, field, violations);

    public override string ToString() => Word;
}
