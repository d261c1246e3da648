using System.Globalization;

namespace Inspection.Scoring.Domain.Assessments;

/// <summary>
/// What the scoring rules need to know about a sampled case (from case sampling). No names: a case is its reference
/// and attributes. <see cref="Attributes"/> holds every attribute by its proto field name for scoping and breakdowns.
/// </summary>
public sealed record SampledCaseFacts(
    string CaseReference,
    string SentenceType,
    bool UnpaidWorkOnly,
    IReadOnlyDictionary<string, string> Attributes)
{
    public const string Licence = "licence";

    /// <summary>Post-custody prompts apply to licence cases only.</summary>
    public bool IsLicence => SentenceType == Licence;

    public bool Flag(string attribute) =>
        Attributes.TryGetValue(attribute, out var value) && bool.TryParse(value, out var flag) && flag;

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    /// <summary>Builds the facts from the sample's named fields; every value is kept as text for breakdowns.</summary>
    public static SampledCaseFacts Create(
        string caseReference,
        string sentenceType,
        bool unpaidWorkOnly = false,
        string gender = "",
        string ethnicGroup = "",
        string roshLevel = "",
        string stratum = "",
        bool courtReport = false,
        bool statutoryVictimContact = false,
        bool roshRelevant = false,
        IReadOnlyDictionary<string, string>? more = null)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sentence_type"] = sentenceType,
            ["unpaid_work_only"] = Bool(unpaidWorkOnly),
            ["gender"] = gender,
            ["ethnic_group"] = ethnicGroup,
            ["rosh_level"] = roshLevel,
            ["stratum"] = stratum,
            ["court_report"] = Bool(courtReport),
            ["statutory_victim_contact"] = Bool(statutoryVictimContact),
            ["rosh_relevant"] = Bool(roshRelevant),
        };
        if (more is not null)
        {
            foreach (var (key, value) in more) attributes[key] = value;
        }
        return new SampledCaseFacts(caseReference, sentenceType, unpaidWorkOnly, attributes);

        static string Bool(bool value) => value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
    }
}
