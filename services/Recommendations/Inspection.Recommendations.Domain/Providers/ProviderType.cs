namespace Inspection.Recommendations.Domain.Providers;

/// <summary>The kinds of organisation the inspectorate inspects or addresses, as the words that travel on the wire.</summary>
public sealed class ProviderType : IWordListed<ProviderType>
{
    public static readonly ProviderType Pdu = new("pdu", "Probation delivery unit");
    public static readonly ProviderType Region = new("region", "Region");
    public static readonly ProviderType NpsDivision = new("nps_division", "National Probation Service division");
    public static readonly ProviderType Crc = new("crc", "Community rehabilitation company");
    public static readonly ProviderType ProbationArea = new("probation_area", "Probation area");
    public static readonly ProviderType NationalBody = new("national_body", "National body");

    public static IReadOnlyList<ProviderType> All { get; } = [Pdu, Region, NpsDivision, Crc, ProbationArea, NationalBody];

    public static string Kind => "a provider type";

    private ProviderType(string word, string name)
    {
        Word = word;
        Name = name;
    }

    public string Word { get; }
    public string Name { get; }

    public static bool TryParse(string? word, out ProviderType type)
    {
        type = WordList.Find<ProviderType>(word)!;
        return type is not null;
    }

    /// <summary>The type named by <paramref name="word"/>, or a violation of <paramref name="field"/> listing the words allowed.</summary>
    public static ProviderType? Parse(string? word, string field, ICollection<FieldViolation> violations) =>
        WordList.Parse<ProviderType>(word, field, violations);

    public override string ToString() => Word;
}
