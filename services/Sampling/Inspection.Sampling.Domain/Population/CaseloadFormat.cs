namespace Inspection.Sampling.Domain.Population;

/// <summary>
/// The caseload file as the people preparing it read about it: each column, whether it is required, the words it
/// takes and what it holds, and a template. DescribeCaseloadFile answers with it, so the admin and integrators show
/// the service's own rules instead of a copy.
/// </summary>
public static class CaseloadFormat
{
    private const string YesOrNo = "yes or no (empty means no)";

    private static readonly Dictionary<string, (string Description, IReadOnlyList<string> Words)> About = new()
    {
        ["case_reference"] = ("The case's reference in the provider's case management system: letters, digits and - _ / . only. No names.", []),
        ["sentence_type"] = (Listed(CaseVocabulary.SentenceTypes), CaseVocabulary.SentenceTypes),
        ["start_date"] = ("The sentence or licence start date as year-month-day, for example 2021-11-01", []),
        ["gender"] = (Listed(CaseVocabulary.Genders), CaseVocabulary.Genders),
        ["ethnic_group"] = (Listed(CaseVocabulary.EthnicGroups), CaseVocabulary.EthnicGroups),
        ["disability"] = (YesOrNo, CaseVocabulary.Flags),
        ["rosh_level"] = (Listed(CaseVocabulary.RoshLevels), CaseVocabulary.RoshLevels),
        ["mappa_level"] = ("0 (or empty or none), 1, 2 or 3", CaseVocabulary.MappaLevels),
        ["prolific_priority_offender"] = (YesOrNo, CaseVocabulary.Flags),
        ["approved_premises_resident"] = (YesOrNo, CaseVocabulary.Flags),
        ["statutory_victim_contact"] = (YesOrNo, CaseVocabulary.Flags),
        ["unpaid_work_requirement"] = ("yes or no (empty means no); community sentences only", CaseVocabulary.Flags),
        ["unpaid_work_only"] = ("yes or no (empty means no); only with an unpaid work requirement", CaseVocabulary.Flags),
        ["court_report_type"] = (Listed(CaseVocabulary.CourtReportTypes) + " (empty means none)", CaseVocabulary.CourtReportTypes),
        ["allocated_office"] = ("The office's name as the provider writes it", []),
        ["allocated_team"] = ("The team's name as the provider writes it", []),
    };

    /// <summary>Every column in the template's order.</summary>
    public static IReadOnlyList<CaseloadColumn> Columns { get; } = CaseloadCsv.Columns
        .Select(c => new CaseloadColumn(c, CaseloadCsv.RequiredColumns.Contains(c), About[c].Description, About[c].Words))
        .ToList();

    /// <summary>The template: the header row and one made-up example case.</summary>
    public static string Template { get; } =
        string.Join(",", CaseloadCsv.Columns) + "\n" +
        "EX0001,community_order,2021-11-01,female,white,no,medium,0,no,no,yes,yes,no,standard,Example office,Example team\n";

    private static string Listed(IReadOnlyList<string> words) => string.Join(", ", words);
}
