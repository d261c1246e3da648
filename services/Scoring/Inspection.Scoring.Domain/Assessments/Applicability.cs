namespace Inspection.Scoring.Domain.Assessments;

/// <summary>Whether a question can be answered Yes/No or Not applicable for a given case.</summary>
public enum Applicability
{
    /// <summary>The question always applies: Yes or No, never Not applicable.</summary>
    Applies,
    /// <summary>The question may not apply (<c>**</c>, or no prompts to say otherwise): any answer.</summary>
    MayNotApply,
    /// <summary>The question cannot apply to this case: Not applicable only.</summary>
    DoesNotApply,
}
