namespace Inspection.Domain;

/// <summary>One wrong field of a request: the field's path (e.g. "answers[3].answer") and why it is wrong.</summary>
public sealed record FieldViolation(string Field, string Description);
