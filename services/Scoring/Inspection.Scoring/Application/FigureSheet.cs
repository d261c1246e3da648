using System.Globalization;
using Inspection.Scoring.V1;

namespace Inspection.Scoring.Application;

/// <summary>
/// An inspection's figures as lines a person compares: each rating, score, key-question and prompt figure under a
/// stable key, in words ("Key question 2.2.1" = "29 of 48 (60%)"). The review compares the figures as published
/// with the figures computed now line by line; anything else on the messages (blockers, case counts, corrections) is
/// not a published figure.
/// </summary>
public static class FigureSheet
{
    public sealed record Line(string Key, string Figure, string Value);

    public static IReadOnlyList<Line> Of(InspectionRatings ratings, PromptResults prompts)
    {
        var lines = new List<Line>();
        foreach (var s in ratings.Standards)
        {
            var name = $"Standard {s.StandardId} {s.Name}";
            if (s.Rated) lines.Add(new($"standard:{s.StandardId}", $"{name}: rating", Rating(s.FinalRating.Length > 0 ? s.FinalRating : s.ComputedRating, s.Applicable)));
            if (s.ComputedRating.Length > 0 && s.ComputedRating != s.FinalRating)
                lines.Add(new($"standard-computed:{s.StandardId}", $"{name}: computed rating", s.ComputedRating));
            foreach (var k in s.KeyQuestions)
                lines.Add(new($"key-question:{k.QuestionId}", $"Key question {k.QuestionId}", Count(k.HasK ? k.K : null, k.HasN ? k.N : null, k.HasPct ? k.Pct : null)));
        }
        if (ratings.Overall is { } overall)
        {
            lines.Add(new("overall:score", "Overall score", $"{overall.Score} of {overall.MaxScore}"));
            lines.Add(new("overall:rating", "Overall rating", overall.Rating.Length > 0 ? overall.Rating : "Not decided"));
        }
        if (ratings.Omi is { } omi)
        {
            foreach (var c in omi.Criteria) lines.Add(new($"criterion:{c.CriterionId}", $"Criterion {c.CriterionId}", Percent(c.Pct)));
            foreach (var s in omi.Sections) lines.Add(new($"section:{s.SectionId}", $"Section {s.SectionId}", Percent(s.Pct)));
            foreach (var g in omi.Section4Grades) lines.Add(new($"grade:{g.CriterionId}", $"Section 4 criterion {g.CriterionId}", g.Grade));
            if (omi.HasRiskOfHarmThreadPct) lines.Add(new("thread", "Risk of harm thread", Percent(omi.RiskOfHarmThreadPct)));
        }
        foreach (var p in prompts.Prompts)
            lines.Add(new($"prompt:{p.PromptId}", $"Prompt {p.PromptId}", Count(p.HasK ? p.K : null, p.HasN ? p.N : null, p.HasPct ? p.Pct : null)));
        return lines;
    }

    /// <summary>The lines that differ, in the published order (then lines only computed now).</summary>
    public static IReadOnlyList<FigureDifference> Differences(IReadOnlyList<Line> published, IReadOnlyList<Line> computed)
    {
        var now = computed.ToDictionary(l => l.Key, StringComparer.Ordinal);
        var then = published.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var differences = new List<FigureDifference>();
        foreach (var line in published)
        {
            var current = now.GetValueOrDefault(line.Key);
            if (current?.Value != line.Value)
                differences.Add(new FigureDifference { Figure = line.Figure, Published = line.Value, Computed = current?.Value ?? "" });
        }
        differences.AddRange(computed.Where(l => !then.Contains(l.Key)).Select(l => new FigureDifference { Figure = l.Figure, Published = "", Computed = l.Value }));
        return differences;
    }

    private static string Rating(string rating, bool applicable) => !applicable ? "Not applicable" : rating.Length > 0 ? rating : "Not rated";

    private static string Count(int? k, int? n, int? pct) => (k, n, pct) switch
    {
        ({ } yes, { } of, { } p) => $"{yes} of {of} ({p}%)",
        (null, { } of, { } p) => $"{p}% of {of}",
        (_, _, { } p) => $"{p}%",
        _ => "No cases",
    };

    private static string Percent(double pct) => pct.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
