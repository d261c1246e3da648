namespace Inspection.Recommendations.Domain.Plans;

/// <summary>Dates that record something that happened (a response, an update, a reported status) are not in the future: today is England's.</summary>
public static class PlanDates
{
    public static void NotInFuture(ICollection<FieldViolation> violations, string field, DateOnly? date, DateOnly today)
    {
        if (date is { } d && d > today)
            violations.Add(new FieldViolation(field, $"{CalendarDate.ToText(d)} is in the future (today is {CalendarDate.ToText(today)})"));
    }

    public static void NotInFuture(string field, DateOnly date, DateOnly today)
    {
        var violations = new List<FieldViolation>();
        NotInFuture(violations, field, date, today);
        ValidationException.ThrowIfAny(violations);
    }
}
