namespace Inspection.Recommendations.Domain.Inspections;

/// <summary>When the provider's improvement plan is due: a number of weeks after publication (four unless the framework says otherwise).</summary>
public sealed record ImprovementPlanRule(int WeeksAfterPublication)
{
    public const int DefaultWeeks = 4;

    public DateOnly DueDate(DateOnly publishedOn) => publishedOn.AddDays(7 * WeeksAfterPublication);
}
