namespace Inspection.Scoring.Domain.Assessments;

/// <summary>An inspector's answer to a prompt or key question for one case.</summary>
public enum Answer
{
    Yes,
    No,
    NotApplicable,
}
