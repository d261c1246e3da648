namespace Inspection.Recommendations.Domain.Reminders;

/// <summary>Where something due stands against today: its day has passed (overdue), or it falls within the days ahead.</summary>
public enum DueState
{
    Overdue,
    FallsDue,
}
