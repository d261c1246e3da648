using System.Text.Json;

namespace Inspection.Scoring.Domain.Comparisons;

/// <summary>
/// Which key question of one programme corresponds to which of another (<c>key-question-correspondences.json</c>,
/// embedded): only pairs the frameworks' own wording supports, each with why, read in either direction. Within one
/// framework a key question is itself; between frameworks without an entry, none corresponds.
/// </summary>
public sealed class KeyQuestionCorrespondences
{
    private const string Resource = "Inspection.Scoring.Domain.key-question-correspondences.json";
    private readonly IReadOnlyList<Programmes> _programmes;

    private KeyQuestionCorrespondences(IReadOnlyList<Programmes> programmes) => _programmes = programmes;

    public IReadOnlyList<Programmes> All => _programmes;

    public static KeyQuestionCorrespondences Load() => EmbeddedResource.Read(typeof(KeyQuestionCorrespondences), Resource, Load);

    public static KeyQuestionCorrespondences Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var programmes = new List<Programmes>();
        foreach (var entry in document.RootElement.GetProperty("programmes").EnumerateArray())
        {
            var pairs = entry.GetProperty("correspondences").EnumerateArray()
                .Select(p => new Pair(Text(p, "from"), Text(p, "to"), Text(p, "why"))).ToList();
            var none = entry.TryGetProperty("none_corresponds", out var n)
                ? n.EnumerateArray().Select(p => new Unmatched(Text(p, "from"), Text(p, "why"))).ToList()
                : [];
            programmes.Add(new Programmes(Text(entry, "from"), Text(entry, "to"), pairs, none));
        }
        return new KeyQuestionCorrespondences(programmes);
    }

    /// <summary>The key question of <paramref name="laterFramework"/> that <paramref name="keyQuestionId"/> of
    /// <paramref name="earlierFramework"/> corresponds to, or that none does and why.</summary>
    public Correspondence Find(string earlierFramework, string keyQuestionId, string laterFramework)
    {
        if (earlierFramework == laterFramework) return Correspondence.Same(keyQuestionId);
        foreach (var programmes in _programmes)
        {
            if (programmes.From == earlierFramework && programmes.To == laterFramework)
            {
                if (programmes.Pairs.FirstOrDefault(p => p.From == keyQuestionId) is { } pair)
                    return Correspondence.Mapped(pair.To, Named(programmes), pair.Why);
                return Correspondence.None(Named(programmes), programmes.Unmatched.FirstOrDefault(u => u.From == keyQuestionId)?.Why);
            }
            if (programmes.From == laterFramework && programmes.To == earlierFramework)
            {
                if (programmes.Pairs.FirstOrDefault(p => p.To == keyQuestionId) is { } pair)
                    return Correspondence.Mapped(pair.From, Named(programmes), pair.Why);
                return Correspondence.None(Named(programmes), null);
            }
        }
        return Correspondence.None(null, null);
    }

    private static string Named(Programmes programmes) => $"{programmes.From} to {programmes.To}";

    private static string Text(JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidDataException($"key-question-correspondences.json: '{property}' is empty");

    /// <summary>One pair of programmes: the key questions that correspond, and those listed as having no counterpart.</summary>
    public sealed record Programmes(string From, string To, IReadOnlyList<Pair> Pairs, IReadOnlyList<Unmatched> Unmatched);

    public sealed record Pair(string From, string To, string Why);

    public sealed record Unmatched(string From, string Why);
}
