namespace Inspection.Admin.Sampling;

/// <summary>What the _ValueChoices partial draws: the model key the values bind to, its legend, the attributes offered, what is chosen, and the words each attribute takes.</summary>
public sealed record ValueChoicesView(string Key, string Legend, IReadOnlyList<(string Code, string Name)> Attributes, IReadOnlyList<string> Chosen, CaseloadWords Words);
