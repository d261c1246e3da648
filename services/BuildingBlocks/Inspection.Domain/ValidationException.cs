namespace Inspection.Domain;

/// <summary>The request is malformed or breaks a rule of the framework: INVALID_ARGUMENT with field violations.</summary>
public sealed class ValidationException : DomainException
{
    public ValidationException(IReadOnlyList<FieldViolation> violations)
        : base(violations.Count == 1 ? $"{violations[0].Field}: {violations[0].Description}" : $"{violations.Count} fields are invalid: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
    {
        Violations = violations;
    }

    public ValidationException(string field, string description) : this([new FieldViolation(field, description)]) { }

    /// <summary>With a message of its own: when the violations are a list cut short, the message says so.</summary>
    public ValidationException(string message, IReadOnlyList<FieldViolation> violations) : base(message)
    {
        Violations = violations;
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>
    /// States that stand in the way as well (the publishing blockers beside a wrong publication date), so one answer
    /// lists every problem: sent as a google.rpc.PreconditionFailure beside the field violations.
    /// </summary>
    public IReadOnlyList<string> Preconditions { get; init; } = [];

    /// <summary>Throws when any violation was collected; lets validators gather every problem before failing.</summary>
    public static void ThrowIfAny(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count > 0) throw new ValidationException(violations);
    }
}
