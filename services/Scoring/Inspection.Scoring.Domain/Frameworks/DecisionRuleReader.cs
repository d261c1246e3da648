using System.Text.RegularExpressions;

namespace Inspection.Scoring.Domain.Frameworks;

/// <summary>
/// Reads a decision rule's published wording (<c>applies_when</c>, <c>effect</c>) into a condition and a set of
/// ratings, so the rules stay data: a new programme's rules in the same phrasing need no new code. A rule whose
/// wording is not understood is kept as informational (shown, enforcing nothing) rather than guessed at.
/// </summary>
public static partial class DecisionRuleReader
{
    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <param name="gradedRatings">Rating words that carry points, best first.</param>
    public static DecisionRule Read(
        string standardId,
        string type,
        string appliesWhen,
        string effect,
        IReadOnlyList<string> gradedRatings,
        IReadOnlyList<(string Id, string Name, string DomainId)> standards)
    {
        var condition = ReadCondition(appliesWhen, gradedRatings, standards);
        var kind = type switch
        {
            "cap" => DecisionRuleKind.Cap,
            "default_with_override" => DecisionRuleKind.Default,
            _ => DecisionRuleKind.Informational,
        };
        IReadOnlySet<string>? ratings = kind switch
        {
            DecisionRuleKind.Cap => ReadCapRatings(effect, gradedRatings),
            DecisionRuleKind.Default => ReadDefaultRatings(effect, gradedRatings),
            _ => new HashSet<string>(),
        };
        if (condition is null || ratings is null || (kind != DecisionRuleKind.Informational && ratings.Count == 0))
        {
            return new DecisionRule(standardId, type, DecisionRuleKind.Informational, appliesWhen, effect,
                new RuleCondition.Always(), new HashSet<string>());
        }
        return new DecisionRule(standardId, type, kind, appliesWhen, effect, condition, ratings);
    }

    private static RuleCondition? ReadCondition(
        string text, IReadOnlyList<string> gradedRatings, IReadOnlyList<(string Id, string Name, string DomainId)> standards)
    {
        text = text.Trim();
        if (text.Equals("always", StringComparison.OrdinalIgnoreCase)) return new RuleCondition.Always();

        var every = EveryDomainStandard().Match(text);
        if (every.Success)
        {
            var domainId = DomainIdFrom(every.Groups["domain"].Value);
            var ratings = RatingsIn(every.Groups["ratings"].Value, gradedRatings);
            return domainId is null || ratings is null ? null : new RuleCondition.EveryStandardOfDomain(domainId, ratings);
        }

        var one = OneStandard().Match(text);
        if (one.Success)
        {
            var id = one.Groups["id"].Success ? one.Groups["id"].Value : null;
            var name = one.Groups["name"].Value.Trim();
            var standard = standards.FirstOrDefault(s => id is not null ? s.Id == id : s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            var ratings = RatingsIn(one.Groups["ratings"].Value, gradedRatings);
            return standard.Id is null || ratings is null ? null : new RuleCondition.StandardRated(standard.Id, ratings);
        }
        return null;
    }

    private static IReadOnlySet<string>? ReadCapRatings(string effect, IReadOnlyList<string> gradedRatings)
    {
        var match = CanOnlyBe().Match(effect);
        return match.Success ? RatingsIn(match.Groups["ratings"].Value, gradedRatings) : null;
    }

    private static IReadOnlySet<string>? ReadDefaultRatings(string effect, IReadOnlyList<string> gradedRatings)
    {
        // "for Services to be rated Requires improvement, Implementation and delivery would usually be Requires
        // improvement or Good": under the rule's condition the standard would usually be rated below that word.
        var below = ForToBeRated().Match(effect);
        if (below.Success)
        {
            var threshold = RatingsIn(below.Groups["rating"].Value, gradedRatings);
            if (threshold is null || threshold.Count != 1) return null;
            var rank = gradedRatings.ToList().IndexOf(threshold.Single());
            return gradedRatings.Skip(rank + 1).ToHashSet(StringComparer.Ordinal);
        }
        var usually = WouldUsuallyBe().Match(effect);
        return usually.Success ? RatingsIn(usually.Groups["ratings"].Value, gradedRatings) : null;
    }

    /// <summary>"Inadequate or Requires improvement" -> {Inadequate, Requires improvement}; null when a piece is not a rating word.</summary>
    private static HashSet<string>? RatingsIn(string text, IReadOnlyList<string> gradedRatings)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var piece in RatingSeparator().Split(text.Trim().TrimEnd('.')))
        {
            if (piece.Length == 0) continue;
            var word = gradedRatings.FirstOrDefault(r => r.Equals(piece, StringComparison.OrdinalIgnoreCase));
            if (word is null) return null;
            result.Add(word);
        }
        return result.Count == 0 ? null : result;
    }

    private static string? DomainIdFrom(string word)
    {
        if (int.TryParse(word, out var number)) return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var index = Array.IndexOf(NumberWords, word.ToLowerInvariant());
        return index < 0 ? null : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^every domain (?<domain>\w+) standard(?:s)? (?:is |are )?rated (?<ratings>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EveryDomainStandard();

    [GeneratedRegex(@"^(?<name>.+?)(?: \((?<id>[^)]+)\))? (?:is )?rated (?<ratings>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OneStandard();

    [GeneratedRegex(@"can only be rated (?<ratings>[^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CanOnlyBe();

    [GeneratedRegex(@"^for .+? to be rated (?<rating>[^,]+), .+ would usually be .+$", RegexOptions.IgnoreCase)]
    private static partial Regex ForToBeRated();

    [GeneratedRegex(@"would usually be (?:rated )?(?<ratings>[^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex WouldUsuallyBe();

    [GeneratedRegex(@"\s*(?:,|\bor\b|\band\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RatingSeparator();
}
