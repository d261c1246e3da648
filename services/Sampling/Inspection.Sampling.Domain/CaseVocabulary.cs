using Inspection.Domain.Vocabularies;

namespace Inspection.Sampling.Domain;

/// <summary>
/// The words a caseload's enumerated attributes may take, as they travel (lower case, underscores).
/// Incoming words are read under the product's one word rule (<see cref="WordRule"/>), so a CSV's "Very high" or
/// "Community Order" is accepted; the lists are those of Inspection.Contracts' WireWords (a test holds them equal).
/// </summary>
public static class CaseVocabulary
{
    public const string CommunityOrder = "community_order";
    public const string SuspendedSentenceOrder = "suspended_sentence_order";
    public const string Licence = "licence";
    public const string Custody = "custody";

    public static readonly IReadOnlyList<string> SentenceTypes = [CommunityOrder, SuspendedSentenceOrder, Licence, Custody];
    public static readonly IReadOnlyList<string> Genders = ["male", "female", "other", "not_known"];
    public static readonly IReadOnlyList<string> EthnicGroups = ["white", "black", "asian", "mixed", "other", "not_known"];
    public static readonly IReadOnlyList<string> RoshLevels = ["low", "medium", "high", "very_high"];
    public static readonly IReadOnlyList<string> CourtReportTypes = ["none", "oral", "short_format", "standard"];
    public static readonly IReadOnlyList<string> Flags = ["yes", "no"];
    public static readonly IReadOnlyList<string> MappaLevels = ["0", "1", "2", "3"];

    /// <summary>The product's one word rule (<see cref="WordRule"/>): lower case, spaces and hyphens as underscores.</summary>
    public static string Normalise(string? word) => WordRule.Fold(word);

    /// <summary>The vocabulary's own instance of a word (so a million loaded cases share a handful of strings), or null.</summary>
    public static string? Canonical(IReadOnlyList<string> vocabulary, string? word)
    {
        var normalised = Normalise(word);
        foreach (var known in vocabulary)
        {
            if (string.Equals(known, normalised, StringComparison.Ordinal)) return known;
        }
        return null;
    }

    public static string Flag(bool value) => value ? "yes" : "no";
}
