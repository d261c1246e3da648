using System.Text.RegularExpressions;
using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Vocabularies;

namespace Inspection.Architecture.Tests;

/// <summary>
/// The admin compares the services' words only through their typed values (<c>status.Is(InspectionStatus.Published)</c>,
/// a switch over <c>word.As&lt;Rating&gt;()</c>), never as literals: a page that compares a word of any vocabulary in
/// WireWords (case and spacing aside, as the word rule reads it) with ==, !=, is, or, case, a switch arm or Equals
/// fails here, naming the file and line.
/// </summary>
public sealed partial class WireWordRules
{
    private static readonly HashSet<string> Words = WireWords.All()
        .SelectMany(v => v.Words).Select(WordRule.Fold).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void No_admin_page_compares_a_services_word_as_a_literal()
    {
        var admin = Path.Combine(Repository.Root, "web", "Inspection.Admin");
        var files = Directory.EnumerateFiles(admin, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => Path.GetRelativePath(admin, f).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj" or "node_modules" or "wwwroot"))
            .ToList();
        Assert.NotEmpty(files);
        var found = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Repository.Root, f), Line: i + 1, Text: line)))
            .SelectMany(l => ComparedWords(l.Text).Select(word => $"{l.File}:{l.Line} compares \"{word}\": {l.Text.Trim()}"))
            .ToList();
        Assert.True(found.Count == 0, "Compare the typed value (Is, As<T>) instead:" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    [Theory]
    [InlineData("if (inspection.Status == \"published\")", "published")]
    [InlineData("@(\"final\" != judgement.State ? 1 : 2)", "final")]
    [InlineData("judgement switch { \"Some progress\" => \"yellow\" }", "Some progress")]
    [InlineData("x is \"Requires improvement\" or \"Inadequate\"", "Requires improvement")]
    [InlineData("case \"Community Order\":", "Community Order")]
    [InlineData("source.Equals(\"computed_from_sample\", StringComparison.Ordinal)", "computed_from_sample")]
    public void The_check_finds_a_word_compared_in_any_of_these_ways(string line, string word) =>
        Assert.Contains(word, ComparedWords(line));

    [Theory]
    [InlineData("if (inspection.Status.Is(InspectionStatus.Published))")]
    [InlineData("<option value=\"@InspectionStatus.Planned.Word()\">In progress</option>")]
    [InlineData("text is \"required\" or \"is required\"")]
    [InlineData("@(required ? \"Yes\" : \"No\")")]
    public void The_check_leaves_typed_comparisons_and_words_that_are_not_compared(string line) =>
        Assert.Empty(ComparedWords(line));

    /// <summary>The wire words a line of C# or Razor compares as string literals.</summary>
    private static IEnumerable<string> ComparedWords(string line) =>
        Comparison().Matches(line)
            .SelectMany(m => m.Groups["word"].Captures)
            .Select(c => c.Value)
            .Where(w => Words.Contains(WordRule.Fold(w)));

    // A literal beside == or !=, after is / is not / or / and / case / Equals(, or before => (a switch arm).
    [GeneratedRegex("""(?:(?:==|!=)\s*"(?<word>[^"\\]*)")|(?:"(?<word>[^"\\]*)"\s*(?:==|!=|=>))|(?:\b(?:is(?:\s+not)?|or|and|case)\s+"(?<word>[^"\\]*)")|(?:\.Equals\(\s*"(?<word>[^"\\]*)")""")]
    private static partial Regex Comparison();
}
