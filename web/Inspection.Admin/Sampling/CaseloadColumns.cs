using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Population;

namespace Inspection.Admin.Sampling;

/// <summary>
/// The caseload CSV's columns as the import page lists them: whether each is required and the values it takes
/// (from case sampling's own vocabulary), and the template file offered for download.
/// </summary>
public static class CaseloadColumns
{
    private static readonly HashSet<string> Required = ["case_reference", "sentence_type", "start_date", "gender", "ethnic_group", "rosh_level"];

    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["case_reference"] = "The case's reference in the provider's case management system: letters, digits and - _ / . only. No names.",
        ["sentence_type"] = string.Join(", ", CaseVocabulary.SentenceTypes),
        ["start_date"] = "The sentence or licence start date as year-month-day, for example 2021-11-01",
        ["gender"] = string.Join(", ", CaseVocabulary.Genders),
        ["ethnic_group"] = string.Join(", ", CaseVocabulary.EthnicGroups),
        ["disability"] = "yes or no (empty means no)",
        ["rosh_level"] = string.Join(", ", CaseVocabulary.RoshLevels),
        ["mappa_level"] = "0 (or empty or none), 1, 2 or 3",
        ["prolific_priority_offender"] = "yes or no (empty means no)",
        ["approved_premises_resident"] = "yes or no (empty means no)",
        ["statutory_victim_contact"] = "yes or no (empty means no)",
        ["unpaid_work_requirement"] = "yes or no (empty means no); community sentences only",
        ["unpaid_work_only"] = "yes or no (empty means no); only with an unpaid work requirement",
        ["court_report_type"] = string.Join(", ", CaseVocabulary.CourtReportTypes) + " (empty means none)",
        ["allocated_office"] = "The office's name as the provider writes it",
        ["allocated_team"] = "The team's name as the provider writes it",
    };

    public static IReadOnlyList<(string Column, bool Required, string Values)> All { get; } =
        CaseloadCsv.Columns.Select(c => (c, Required.Contains(c), Allowed.GetValueOrDefault(c, ""))).ToList();

    /// <summary>The template: the header row and one made-up example case.</summary>
    public static string Template() =>
        string.Join(",", CaseloadCsv.Columns) + "\n" +
        "EX0001,community_order,2021-11-01,female,white,no,medium,0,no,no,yes,yes,no,standard,Example office,Example team\n";
}
