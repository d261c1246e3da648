namespace Inspection.Evidence.Domain.Frameworks;

/// <summary>A key question of a domain-one standard, as frameworks.json prints it.</summary>
public sealed record KeyQuestion(string Id, string Text);
