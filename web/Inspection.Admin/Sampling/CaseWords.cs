namespace Inspection.Admin.Sampling;

/// <summary>Case attribute words of case sampling, as staff read them.</summary>
public static class CaseWords
{
    public static readonly IReadOnlyList<(string Code, string Name)> SentenceTypes =
    [
        ("community_order", "Community order"),
        ("suspended_sentence_order", "Suspended sentence order"),
        ("licence", "Licence"),
        ("custody", "Custody"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> StrataAttributes =
    [
        ("gender", "Gender"),
        ("sentence_type", "Sentence type"),
        ("rosh_level", "Risk of serious harm level"),
        ("court_report_type", "Court report type"),
        ("allocated_office", "Allocated office"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> QuotaAttributes =
    [
        ("rosh_level", "Risk of serious harm level"),
        ("ethnic_group", "Ethnic group"),
        ("prolific_priority_offender", "Prolific and priority offender"),
        ("approved_premises_resident", "Approved premises resident"),
        ("statutory_victim_contact", "Statutory victim contact"),
        ("sentence_type", "Sentence type"),
    ];

    private static readonly Dictionary<string, string> Words = new()
    {
        ["community_order"] = "Community order", ["suspended_sentence_order"] = "Suspended sentence order", ["licence"] = "Licence",
        ["custody"] = "Custody", ["male"] = "Male", ["female"] = "Female", ["other"] = "Other", ["not_known"] = "Not known",
        ["white"] = "White", ["black"] = "Black", ["asian"] = "Asian", ["mixed"] = "Mixed", ["low"] = "Low", ["medium"] = "Medium",
        ["high"] = "High", ["very_high"] = "Very high", ["gender"] = "Gender", ["sentence_type"] = "Sentence type",
        ["rosh_level"] = "Risk of serious harm level", ["ethnic_group"] = "Ethnic group", ["court_report_type"] = "Court report type",
        ["quota"] = "Quota", ["proportional"] = "Proportional", ["split"] = "Fixed split", ["substitute"] = "Substitute",
        ["active"] = "Active", ["replaced"] = "Replaced", ["none"] = "None", ["oral"] = "Oral", ["short_format"] = "Short format", ["standard"] = "Standard",
    };

    public static string Of(string word) => Words.TryGetValue(word, out var text) ? text : word;

    /// <summary>"gender=female|sentence_type=licence" as "Female, Licence".</summary>
    public static string Stratum(string key) =>
        string.IsNullOrEmpty(key) ? "All cases" : string.Join(", ", key.Split('|').Select(part => Of(part.Split('=').Last())));
}
