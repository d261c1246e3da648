using Inspection.Domain;

namespace Inspection.ServiceDefaults;

/// <summary>
/// Keeps a status small enough for any client to read. A message or field violation may quote the caller's input
/// (a 64 KiB string that is not a date), and a status travels in HTTP/2 headers, which clients cap (HttpClient at
/// 64 KiB, grpc-java at 8 KiB): over the cap the caller gets a broken connection instead of the status. So the
/// message is cut to 1,024 characters, at most 20 field violations are sent (the last saying how many more there
/// were), each with a field path of at most 128 and a description of at most 256 characters.
/// </summary>
internal static class StatusBounds
{
    public const int MaxMessageLength = 1024;
    public const int MaxViolations = 20;
    public const int MaxFieldLength = 128;
    public const int MaxDescriptionLength = 256;

    public static string Message(string message) => Cut(message, MaxMessageLength);

    public static IReadOnlyList<FieldViolation> Violations(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count <= MaxViolations && violations.All(Fits)) return violations;
        var bounded = violations.Take(violations.Count > MaxViolations ? MaxViolations - 1 : MaxViolations)
            .Select(v => Fits(v) ? v : new FieldViolation(Cut(v.Field, MaxFieldLength), Cut(v.Description, MaxDescriptionLength)))
            .ToList();
        if (violations.Count > MaxViolations)
            bounded.Add(new FieldViolation("", $"and {violations.Count - bounded.Count} more field violations, not listed"));
        return bounded;
    }

    /// <summary>Precondition failures under the same caps as field violations (each a description).</summary>
    public static IReadOnlyList<string> Preconditions(IReadOnlyList<string> failures) =>
        Violations(failures.Select(f => new FieldViolation("", f)).ToList()).Select(v => v.Description).ToList();

    private static bool Fits(FieldViolation v) => v.Field.Length <= MaxFieldLength && v.Description.Length <= MaxDescriptionLength;

    /// <summary>The first characters of <paramref name="text"/> and an ellipsis, never splitting a surrogate pair.</summary>
    private static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        var length = max - 1;
        if (char.IsHighSurrogate(text[length - 1])) length--;
        return string.Concat(text.AsSpan(0, length), "…");
    }
}
