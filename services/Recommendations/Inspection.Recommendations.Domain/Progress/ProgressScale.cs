namespace Inspection.Recommendations.Domain.Progress;

/// <summary>
/// The words a progress judgement may take, lowest first (No progress, Some progress, Sufficient progress),
/// and the one that closes a recommendation: once judged so it is no longer carried to later inspections.
/// </summary>
public sealed class ProgressScale
{
    public ProgressScale(IReadOnlyList<string> words, string closingWord)
    {
        if (words.Count == 0) throw new ArgumentException("A progress scale needs at least one word.", nameof(words));
        if (!words.Contains(closingWord, StringComparer.Ordinal))
            throw new ArgumentException($"The closing judgement '{closingWord}' is not on the scale.", nameof(closingWord));
        Words = words.ToList();
        ClosingWord = closingWord;
    }

    public IReadOnlyList<string> Words { get; }
    public string ClosingWord { get; }

    /// <summary>The word exactly as the scale spells it, or a violation of <paramref name="field"/> listing the scale.</summary>
    public string? Parse(string? word, string field, ICollection<FieldViolation> violations)
    {
        var trimmed = word?.Trim() ?? string.Empty;
        if (Words.Contains(trimmed, StringComparer.Ordinal)) return trimmed;
        violations.Add(new FieldViolation(field, trimmed.Length == 0
            ? $"required: one of {Describe()}"
            : $"'{trimmed}' is not on the progress scale: one of {Describe()}"));
        return null;
    }

    public bool Closes(string word) => string.Equals(word, ClosingWord, StringComparison.Ordinal);

    private string Describe() => string.Join(", ", Words.Select(w => $"'{w}'"));
}
