namespace Inspection.Admin.Presentation;

/// <summary>The case attributes assessment scoring breaks key questions down by (scoring.proto GetBreakdownRequest), in staff's words.</summary>
public static class BreakdownAttributes
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("gender", "Gender"), ("ethnic_group", "Ethnic group"), ("rosh_level", "Risk of serious harm level"),
        ("sentence_type", "Sentence type"), ("stratum", "Stratum of the sample"), ("unpaid_work_only", "Unpaid work only"),
        ("court_report", "Court report"), ("statutory_victim_contact", "Statutory victim contact"),
        ("rosh_relevant", "Risk of harm relevant sub-sample"), ("staff_grade", "Grade of the case's practitioner"),
    ];

    public static string NameOf(string code) => All.FirstOrDefault(a => a.Code == code).Name ?? code;

    public static bool IsKnown(string? code) => All.Any(a => a.Code == code);

    /// <summary>Values as stored are lower-case words ("very_high", "true"): printed the way people read them.</summary>
    public static string Value(string value) => value switch
    {
        "true" => "Yes",
        "false" => "No",
        "" => "Not recorded",
        _ => char.ToUpperInvariant(value[0]) + value[1..].Replace('_', ' '),
    };
}
