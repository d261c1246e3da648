namespace Inspection.Admin.Pages.Integrators;

/// <summary>What the scope checkboxes show: every grantable scope with its description, and those chosen.</summary>
public sealed record ScopeChoice(IReadOnlyList<string> Grantable, IReadOnlyCollection<string> Chosen, Func<string, string> DescriptionOf);
