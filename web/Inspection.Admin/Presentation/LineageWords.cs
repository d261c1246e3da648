namespace Inspection.Admin.Presentation;

/// <summary>
/// A lineage link's "part taken over" note as the providers page shows it: the note beside the provider's own name,
/// so a note that only restates the name ("part of Staffordshire and West Midlands CRC") reads "Part", not the name again.
/// </summary>
public static class LineageWords
{
    public static string PartTakenOver(string? note, string providerName)
    {
        var text = (note ?? "").Trim();
        if (providerName.Length > 0)
        {
            foreach (var restated in new[] { " of " + providerName, providerName })
            {
                if (text.EndsWith(restated, StringComparison.OrdinalIgnoreCase)) text = text[..^restated.Length].Trim().TrimEnd(',', ':', '-').Trim();
            }
        }
        if (text.Length == 0) return string.IsNullOrWhiteSpace(note) ? "Not recorded" : "All";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
