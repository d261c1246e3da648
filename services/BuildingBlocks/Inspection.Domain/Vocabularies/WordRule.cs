using System.Text;

namespace Inspection.Domain.Vocabularies;

/// <summary>
/// The one rule for words on the wire: a word is accepted when it is the canonical word or differs from it only by
/// case and spacing (leading, trailing and repeated spaces, and a space where the canonical word has "_"), so
/// "Community Order", "community order" and " COMMUNITY_ORDER " are all community_order, and "not_applicable" is
/// "Not applicable". Anything else is refused naming the allowed words.
/// </summary>
public static class WordRule
{
    /// <summary>The form two words share when the rule makes them the same word.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var folded = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || c == '_')
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            if (pendingSpace) folded.Append(' ');
            pendingSpace = false;
            folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }
}
