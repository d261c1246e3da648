using System.Diagnostics.CodeAnalysis;

namespace Inspection.Domain.Vocabularies;

/// <summary>
/// A closed vocabulary: its typed values, the canonical word each travels as, and the one parsing rule
/// (<see cref="WordRule"/>) every service and the admin apply the same way. A word outside it is refused naming the
/// allowed words.
/// </summary>
public sealed class Vocabulary<T> where T : struct, Enum
{
    private readonly Dictionary<T, string> wordOf = [];
    private readonly Dictionary<string, T> valueOf = new(StringComparer.Ordinal);

    /// <param name="description">What a word of it is, for refusals: "a source of evidence".</param>
    public Vocabulary(string description, params VocabularyWord<T>[] words)
    {
        Description = description;
        foreach (var entry in words)
        {
            wordOf.Add(entry.Value, entry.Word);
            foreach (var spelling in entry.Aliases.Prepend(entry.Word))
                if (!valueOf.TryAdd(WordRule.Fold(spelling), entry.Value) && !valueOf[WordRule.Fold(spelling)].Equals(entry.Value))
                    throw new ArgumentException($"'{spelling}' names two values of {description}", nameof(words));
        }
        foreach (var value in Enum.GetValues<T>())
            if (!wordOf.ContainsKey(value)) throw new ArgumentException($"{typeof(T).Name}.{value} has no word", nameof(words));
        Words = words.Select(w => w.Word).ToArray();
    }

    public string Description { get; }

    /// <summary>The canonical words, in the vocabulary's order.</summary>
    public IReadOnlyList<string> Words { get; }

    public string WordFor(T value) => wordOf[value];

    public bool TryParse(string? text, [NotNullWhen(true)] out T? value)
    {
        if (text is not null && valueOf.TryGetValue(WordRule.Fold(text), out var found))
        {
            value = found;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>True when <paramref name="text"/> is a spelling of <paramref name="value"/> under the rule.</summary>
    public bool Matches(string? text, T value) => TryParse(text, out var parsed) && parsed.Value.Equals(value);

    /// <summary>Why <paramref name="text"/> is refused: names the allowed words.</summary>
    public string Refusal(string? text) => $"'{text}' is not {Description} (expected one of {string.Join(", ", Words)})";

    /// <summary>The value, or a field violation naming the allowed words added to <paramref name="violations"/>.</summary>
    public T? Parse(List<FieldViolation> violations, string field, string? text)
    {
        if (TryParse(text, out var value)) return value;
        violations.Add(new FieldViolation(field, Refusal(text)));
        return null;
    }

    /// <summary>The value; anything else is a <see cref="ValidationException"/> on <paramref name="field"/>.</summary>
    public T Parse(string field, string? text) =>
        TryParse(text, out var value) ? value.Value : throw new ValidationException(field, Refusal(text));

    /// <summary>
    /// The canonical spelling of an accepted word (what is stored and answered); any other text as given, for a
    /// check further in to refuse with every other problem of the request.
    /// </summary>
    public string? Normalise(string? text) => TryParse(text, out var value) ? WordFor(value.Value) : text;

    /// <summary>The canonical spelling of an accepted word (what is stored and answered), or null with a violation.</summary>
    public string? Canonical(List<FieldViolation> violations, string field, string? text) =>
        Parse(violations, field, text) is { } value ? WordFor(value) : null;
}
