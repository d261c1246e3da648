namespace Inspection.Admin.Progress;

/// <summary>A standard with its key questions, as the link form offers them.</summary>
public sealed record LinkChoice(string StandardId, string StandardName, IReadOnlyList<(string Id, string Text)> KeyQuestions);
