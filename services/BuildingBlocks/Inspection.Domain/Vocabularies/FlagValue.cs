namespace Inspection.Domain.Vocabularies;

/// <summary>A yes-or-no case attribute as a quota or split value names it (sampling.proto quotas, split: "yes" | "no"). Its words: <c>WireWords.FlagValues</c> in Inspection.Contracts.</summary>
public enum FlagValue
{
    Yes,
    No,
}
