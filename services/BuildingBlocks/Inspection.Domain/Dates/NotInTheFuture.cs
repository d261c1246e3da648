namespace Inspection.Domain.Dates;

/// <summary>
/// A date of something that has happened (a publication, a caseload taken, evidence gathered) cannot be after today's
/// date in England (<see cref="EnglandCalendar.Today"/>): refused naming the field, in words.
/// </summary>
public static class NotInTheFuture
{
    /// <param name="what">The date as a sentence names it: "The publication date".</param>
    public static void Check(List<FieldViolation> violations, string field, string what, DateOnly? date, DateOnly today)
    {
        if (date is { } given && given > today) violations.Add(new FieldViolation(field, Refusal(what, today)));
    }

    /// <summary>The date checked alone: a <see cref="ValidationException"/> on <paramref name="field"/> when it is after today.</summary>
    public static void Ensure(string field, string what, DateOnly date, DateOnly today)
    {
        if (date > today) throw new ValidationException(field, Refusal(what, today));
    }

    public static string Refusal(string what, DateOnly today) => $"{what} cannot be after today ({DateInWords.Of(today)})";
}
