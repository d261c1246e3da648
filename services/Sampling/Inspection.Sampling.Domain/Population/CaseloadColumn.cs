namespace Inspection.Sampling.Domain.Population;

/// <summary>One column of the caseload file: its header name, whether it is required, what it holds and the words it takes.</summary>
public sealed record CaseloadColumn(string Name, bool Required, string Description, IReadOnlyList<string> Words);
