namespace Inspection.Sampling.Domain;

/// <summary>
/// A case attribute that strata, quotas, splits and the composition check can use, named as the proto's
/// PopulationCase field. Enumerated attributes have a closed list of values; the office and team are open
/// (their values are whatever the snapshot holds; an empty one reads "unallocated").
/// </summary>
public sealed class CaseAttribute
{
    private readonly Func<PopulationColumns, WordColumn> _column;
    private readonly Func<string, string>? _valueOfWord;

    private CaseAttribute(string name, Func<CaseRecord, string> valueOf, IReadOnlyList<string>? values,
        Func<PopulationColumns, WordColumn> column, Func<string, string>? valueOfWord = null)
    {
        Name = name;
        ValueOf = valueOf;
        KnownValues = values;
        _column = column;
        _valueOfWord = valueOfWord;
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
        new("sentence_type", c => c.SentenceType, CaseVocabulary.SentenceTypes, p => p.SentenceType),
        new("gender", c => c.Gender, CaseVocabulary.Genders, p => p.Gender),
        new("ethnic_group", c => c.EthnicGroup, CaseVocabulary.EthnicGroups, p => p.EthnicGroup),
        new("disability", c => CaseVocabulary.Flag(c.Disability), CaseVocabulary.Flags, p => p.Disability),
        new("rosh_level", c => c.RoshLevel, CaseVocabulary.RoshLevels, p => p.RoshLevel),
        new("mappa_level", c => MappaWords[c.MappaLevel], CaseVocabulary.MappaLevels, p => p.MappaLevel),
        new("prolific_priority_offender", c => CaseVocabulary.Flag(c.ProlificPriorityOffender), CaseVocabulary.Flags, p => p.ProlificPriorityOffender),
        new("approved_premises_resident", c => CaseVocabulary.Flag(c.ApprovedPremisesResident), CaseVocabulary.Flags, p => p.ApprovedPremisesResident),
        new("statutory_victim_contact", c => CaseVocabulary.Flag(c.StatutoryVictimContact), CaseVocabulary.Flags, p => p.StatutoryVictimContact),
        new("unpaid_work_requirement", c => CaseVocabulary.Flag(c.UnpaidWorkRequirement), CaseVocabulary.Flags, p => p.UnpaidWorkRequirement),
        new("unpaid_work_only", c => CaseVocabulary.Flag(c.UnpaidWorkOnly), CaseVocabulary.Flags, p => p.UnpaidWorkOnly),
        new("court_report_type", c => c.CourtReportType, CaseVocabulary.CourtReportTypes, p => p.CourtReportType),
        new("allocated_office", c => c.AllocatedOffice.Length == 0 ? Unallocated : c.AllocatedOffice, null, p => p.AllocatedOffice, OpenValue),
        new("allocated_team", c => c.AllocatedTeam.Length == 0 ? Unallocated : c.AllocatedTeam, null, p => p.AllocatedTeam, OpenValue),
    ];

    private static string OpenValue(string word) => word.Length == 0 ? Unallocated : word;

    /// <summary>
    /// This attribute's value for every case of the population, as numbers into its distinct values (the
    /// words <see cref="ValueOf"/> gives; stored words that read the same, such as "" and "unallocated", are one value).
    /// </summary>
    public WordColumn ValuesIn(PopulationColumns population)
    {
        var stored = _column(population);
        if (_valueOfWord is null) return stored;
        var values = new List<string>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var valueOfCode = new int[stored.Words.Count];
        var identity = true;
        for (var w = 0; w < stored.Words.Count; w++)
        {
            var value = _valueOfWord(stored.Words[w]);
            if (!numbers.TryGetValue(value, out var number))
            {
                number = values.Count;
                values.Add(value);
                numbers.Add(value, number);
            }
            valueOfCode[w] = number;
            identity &= number == w && ReferenceEquals(value, stored.Words[w]);
        }
        if (identity) return stored;
        if (values.Count <= WordColumn.MaxNarrowWords)
        {
            var narrow = new byte[population.Count];
            for (var i = 0; i < narrow.Length; i++) narrow[i] = (byte)valueOfCode[stored.Code(i)];
            return new WordColumn([.. values], narrow);
        }
        var codes = new int[population.Count];
        for (var i = 0; i < codes.Length; i++) codes[i] = valueOfCode[stored.Code(i)];
        return new WordColumn([.. values], codes);
    }

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
