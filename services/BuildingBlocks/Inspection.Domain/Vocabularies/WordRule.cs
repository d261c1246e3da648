namespace Inspection.Domain.Vocabularies;

/// <summary>
/// The one rule for words on the wire: a word is accepted when it is the canonical word, a listed alias, or differs
/// from either only by case and spacing (spaces, "_" and "-" are all spacing; leading, trailing and repeated spacing
/// is ignored), so "Community Order", "community-order" and " COMMUNITY_ORDER " are all community_order, and
/// "not_applicable" is "Not applicable". Anything else is refused naming the allowed words.
/// </summary>
public static class WordRule
{
    /// <summary>The form two words share when the rule makes them the same word: lower case, spacing as one "_".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-')
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace) buffer[length++] = '_';
            pendingSpace = false;
            buffer[length++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..length]);
    }
}
