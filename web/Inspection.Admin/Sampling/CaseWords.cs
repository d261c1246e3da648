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
        ["yes"] = "Yes", ["no"] = "No", ["prolific_priority_offender"] = "Prolific and priority offender",
        ["approved_premises_resident"] = "Approved premises resident", ["statutory_victim_contact"] = "Statutory victim contact",
        ["active"] = "Active", ["replaced"] = "Replaced", ["none"] = "None", ["oral"] = "Oral", ["short_format"] = "Short format", ["standard"] = "Standard",
    };

    /// <summary>The attributes a fixed split divides by: those with a fixed set of values (not offices).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> SplitAttributes =
        StrataAttributes.Where(a => !a.Code.Is(SamplingAttribute.AllocatedOffice)).ToList();

    /// <summary>A chosen value as a form sends it: "rosh_level=very_high".</summary>
    public static string Choice(string attribute, string value) => $"{attribute}={value}";

    /// <summary>"rosh_level=very_high" as (rosh_level, very_high); null when it is not of that shape.</summary>
    public static (string Attribute, string Value)? ParseChoice(string? choice) =>
        choice?.Split('=', 2) is [var attribute, var value] && attribute.Length > 0 && value.Length > 0 ? (attribute, value) : null;

    public static string Of(string word) => Words.TryGetValue(word, out var text) ? text : word;

    /// <summary>"gender=female|sentence_type=licence" as "Female, Licence".</summary>
    public static string Stratum(string key) =>
        string.IsNullOrEmpty(key) ? "All cases" : string.Join(", ", key.Split('|').Select(part => Of(part.Split('=').Last())));
}
