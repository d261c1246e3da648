namespace Inspection.Sampling.Domain;

/// <summary>
/// A case attribute that strata, quotas, splits and the composition check can use, named as the proto's
/// PopulationCase field. Enumerated attributes have a closed list of values; the office and team are open
/// (their values are whatever the snapshot holds; an empty one reads "unallocated").
/// </summary>
public sealed class CaseAttribute
{
    private CaseAttribute(string name, Func<CaseRecord, string> valueOf, IReadOnlyList<string>? values)
    {
        Name = name;
        ValueOf = valueOf;
        KnownValues = values;
    }

    public string Name { get; }

    /// <summary>The case's value of this attribute, as a word.</summary>
    public Func<CaseRecord, string> ValueOf { get; }

    /// <summary>The closed list of values, or null for an open attribute.</summary>
    public IReadOnlyList<string>? KnownValues { get; }

    public bool IsOpen => KnownValues is null;

    public const string Unallocated = "unallocated";

    private static readonly string[] MappaWords = ["0", "1", "2", "3"];

    public static readonly IReadOnlyList<CaseAttribute> All =
    [
        new("sentence_type", c => c.SentenceType, CaseVocabulary.SentenceTypes),
        new("gender", c => c.Gender, CaseVocabulary.Genders),
        new("ethnic_group", c => c.EthnicGroup, CaseVocabulary.EthnicGroups),
        new("disability", c => CaseVocabulary.Flag(c.Disability), CaseVocabulary.Flags),
        new("rosh_level", c => c.RoshLevel, CaseVocabulary.RoshLevels),
        new("mappa_level", c => MappaWords[c.MappaLevel], CaseVocabulary.MappaLevels),
        new("prolific_priority_offender", c => CaseVocabulary.Flag(c.ProlificPriorityOffender), CaseVocabulary.Flags),
        new("approved_premises_resident", c => CaseVocabulary.Flag(c.ApprovedPremisesResident), CaseVocabulary.Flags),
        new("statutory_victim_contact", c => CaseVocabulary.Flag(c.StatutoryVictimContact), CaseVocabulary.Flags),
        new("unpaid_work_requirement", c => CaseVocabulary.Flag(c.UnpaidWorkRequirement), CaseVocabulary.Flags),
        new("unpaid_work_only", c => CaseVocabulary.Flag(c.UnpaidWorkOnly), CaseVocabulary.Flags),
        new("court_report_type", c => c.CourtReportType, CaseVocabulary.CourtReportTypes),
        new("allocated_office", c => c.AllocatedOffice.Length == 0 ? Unallocated : c.AllocatedOffice, null),
        new("allocated_team", c => c.AllocatedTeam.Length == 0 ? Unallocated : c.AllocatedTeam, null),
    ];

    /// <summary>The attributes the composition check shows when none are asked for.</summary>
    public static readonly IReadOnlyList<string> DefaultComposition = ["gender", "sentence_type", "rosh_level", "ethnic_group"];

    public static CaseAttribute? Find(string? name)
    {
        var normalised = CaseVocabulary.Normalise(name);
        foreach (var attribute in All)
        {
            if (attribute.Name == normalised) return attribute;
        }
        return null;
    }

    /// <summary>The value as the attribute spells it (normalised), or null when a closed attribute has no such value.</summary>
    public string? CanonicalValue(string? value)
    {
        if (KnownValues is null) return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return CaseVocabulary.Canonical(KnownValues, value);
    }

    public override string ToString() => Name;
}
