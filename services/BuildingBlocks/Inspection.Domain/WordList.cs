namespace Inspection.Domain;

/// <summary>
/// A domain type whose values are a closed list, each named by the word it travels and is stored as (recommendation
/// tracking's provider types, addressee groups and inspection statuses). Read through <see cref="WordList"/>.
/// </summary>
public interface IWordListed<TSelf> where TSelf : class, IWordListed<TSelf>
{
    /// <summary>Every value, in the order the allowed words are listed.</summary>
    static abstract IReadOnlyList<TSelf> All { get; }

    /// <summary>What one value is, as a refusal says it: "a provider type".</summary>
    static abstract string Kind { get; }

    string Word { get; }
}

/// <summary>How every word-listed type reads a word: case and surrounding spaces aside; anything else is refused naming the allowed words.</summary>
public static class WordList
{
    public static TSelf? Find<TSelf>(string? word) where TSelf : class, IWordListed<TSelf> =>
        TSelf.All.FirstOrDefault(value => string.Equals(value.Word, word?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The value of a stored word; a word the list does not hold is a fault of the data, not of a caller.</summary>
    public static TSelf FromStored<TSelf>(string word) where TSelf : class, IWordListed<TSelf> =>
        Find<TSelf>(word) ?? throw new ArgumentException($"'{word}' is not {TSelf.Kind}", nameof(word));

    /// <summary>The value named by <paramref name="word"/>, or a violation of <paramref name="field"/> listing the words allowed.</summary>
    public static TSelf? Parse<TSelf>(string? word, string field, ICollection<FieldViolation> violations) where TSelf : class, IWordListed<TSelf>
    {
        if (Find<TSelf>(word) is { } value) return value;
        var allowed = string.Join(", ", TSelf.All.Select(v => v.Word));
        violations.Add(new FieldViolation(field, string.IsNullOrWhiteSpace(word)
            ? $"required: one of {allowed}"
            : $"'{word}' is not {TSelf.Kind}: one of {allowed}"));
        return null;
    }
}
