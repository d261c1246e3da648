namespace Inspection.Admin.Presentation;

/// <summary>
/// Inspection frameworks by the short title staff call them (the framework catalogue's full names are a sentence
/// long); an unknown id is shown as the service sent it.
/// </summary>
public static class FrameworkTitles
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["omi-2008"] = "Offender management inspection, 2006 to 2009",
        ["nps-division-2018"] = "NPS division inspection, 2018 to 2019",
        ["pdu-2021-2023"] = "PDU inspection, 2021 to 2023",
        ["pdu-2024"] = "PDU inspection, 2024",
    };

    public static string Of(string? frameworkId) =>
        string.IsNullOrEmpty(frameworkId) ? "" : Titles.TryGetValue(frameworkId, out var title) ? title : frameworkId;

    /// <summary>The short title, or the given words (e.g. the catalogue's name and years) for a framework not listed here.</summary>
    public static string Of(string? frameworkId, string otherwise) =>
        !string.IsNullOrEmpty(frameworkId) && Titles.TryGetValue(frameworkId, out var title) ? title : otherwise;
}
