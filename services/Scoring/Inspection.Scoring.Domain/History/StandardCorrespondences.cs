using Inspection.Scoring.Domain.Comparisons;
using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Domain.History;

/// <summary>
/// Which standard of an earlier programme a standard of a later one continues, derived from the key questions'
/// correspondence (<see cref="KeyQuestionCorrespondences"/>) so there is one source for both: the earlier standard
/// whose key questions all correspond to the later standard's, and the later standard's all to the earlier's (2.2
/// of 2021-2023 is P2.1 of 2024; 1.1, 2.1 and 2.6 have none). Within one programme a standard is itself.
/// </summary>
public sealed class StandardCorrespondences(FrameworkCatalogue catalogue, KeyQuestionCorrespondences keyQuestions)
{
    /// <summary>True when the programme is one of frameworks.json's.</summary>
    public bool Knows(string frameworkId) => catalogue.TryGet(frameworkId, out _);

    /// <summary>The standard of <paramref name="earlierFramework"/> that <paramref name="laterStandardId"/> of
    /// <paramref name="laterFramework"/> continues, or null when none does.</summary>
    public string? EarlierCounterpart(string laterFramework, string laterStandardId, string earlierFramework)
    {
        if (laterFramework == earlierFramework) return laterStandardId;
        if (!catalogue.TryGet(laterFramework, out var later) || !catalogue.TryGet(earlierFramework, out var earlier)) return null;
        var standard = later.Standards.FirstOrDefault(s => s.Id == laterStandardId);
        if (standard is null || standard.KeyQuestions.Count == 0) return null;
        var earlierStandardOf = earlier.Standards.SelectMany(s => s.KeyQuestions.Select(k => (k.Id, Standard: s))).ToDictionary(p => p.Id, p => p.Standard, StringComparer.Ordinal);
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in standard.KeyQuestions)
        {
            // Find reads a pair in either direction: asked from the earlier programme's side, for the later question.
            var found = keyQuestions.Find(laterFramework, question.Id, earlierFramework);
            if (found.LaterQuestionId is not { } earlierQuestion || !earlierStandardOf.TryGetValue(earlierQuestion, out var owner)) return null;
            candidates.Add(owner.Id);
        }
        if (candidates.Count != 1) return null;
        var counterpart = earlier.Standards.First(s => s.Id == candidates.Single());
        // Every key question of the earlier standard must reach this one too: a standard only partly carried on is none.
        var laterQuestions = standard.KeyQuestions.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        return counterpart.KeyQuestions.All(k => keyQuestions.Find(earlierFramework, k.Id, laterFramework).LaterQuestionId is { } id && laterQuestions.Contains(id))
            ? counterpart.Id
            : null;
    }
}
