namespace Inspection.Domain.Vocabularies;

/// <summary>One value of a closed vocabulary with its canonical word and any further aliases the contract lists
/// (beyond case and spacing, which <see cref="WordRule"/> accepts for every word).</summary>
public sealed record VocabularyWord<T>(T Value, string Word, params string[] Aliases) where T : struct, Enum;
