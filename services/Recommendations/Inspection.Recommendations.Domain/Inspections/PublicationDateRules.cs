using Dates = Inspection.Domain.Dates;

namespace Inspection.Recommendations.Domain.Inspections;

/// <summary>
/// The dates an inspection's record can hold: fieldwork ends on or after it starts, the report is published on or after
/// fieldwork ends (or starts, when its end is not known) and not after today in England. Publishing and correcting a
/// published inspection both check them, so a corrected date is held to the same rules.
/// </summary>
public static class PublicationDateRules
{
    public static IReadOnlyList<FieldViolation> Check(DateOnly publishedOn, DateOnly? fieldworkStart, DateOnly? fieldworkEnd, DateOnly today)
    {
        var violations = new List<FieldViolation>();
        Dates.NotInTheFuture.Check(violations, "published_on", "The publication date", publishedOn, today);
        if (fieldworkStart is { } start && fieldworkEnd is { } end && end < start)
            violations.Add(new FieldViolation("fieldwork_end",
                $"The last day of fieldwork must be on or after its first day ({Dates.DateInWords.Of(start)})"));
        else if (fieldworkEnd is { } last && publishedOn < last)
            violations.Add(new FieldViolation("published_on",
                $"The publication date must be on or after the last day of fieldwork ({Dates.DateInWords.Of(last)})"));
        else if (fieldworkStart is { } first && publishedOn < first)
            violations.Add(new FieldViolation("published_on",
                $"The publication date must be on or after the first day of fieldwork ({Dates.DateInWords.Of(first)})"));
        return violations;
    }
}
