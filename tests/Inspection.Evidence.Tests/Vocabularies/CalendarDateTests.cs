using Inspection.Domain;
using Inspection.Domain.Dates;
using Xunit;

namespace Inspection.Evidence.Tests.Vocabularies;

/// <summary>The product's one calendar date: "yyyy-MM-dd", a real day, and a refusal naming the field.</summary>
public sealed class CalendarDateTests
{
    [Theory]
    [InlineData("2022-06-06", 2022, 6, 6)]
    [InlineData(" 2024-02-29 ", 2024, 2, 29)]
    public void A_date_reads_and_prints_as_yyyy_MM_dd(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), CalendarDate.Parse("as_at", text));
        Assert.Equal(text.Trim(), CalendarDate.ToText(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("06/06/2022")]
    [InlineData("2022-6-6")]
    [InlineData("2022-06-06T00:00:00Z")]
    public void Anything_else_is_refused_naming_the_field_and_the_form(string text)
    {
        var e = Assert.Throws<ValidationException>(() => CalendarDate.Parse("as_at", text));
        Assert.Equal(("as_at", $"'{text}' is not a date in the form yyyy-MM-dd"), (e.Violations[0].Field, e.Violations[0].Description));
    }

    [Fact]
    public void A_required_date_says_it_is_required_and_an_optional_one_may_be_empty()
    {
        var violations = new List<FieldViolation>();
        Assert.Null(CalendarDate.Required(violations, "evidence_date", " "));
        Assert.Null(CalendarDate.Optional(violations, "published_on", ""));
        Assert.Equal(new DateOnly(2022, 6, 6), CalendarDate.Optional(violations, "published_on", "2022-06-06"));
        Assert.Equal(("evidence_date", "is required (yyyy-MM-dd)"), (Assert.Single(violations).Field, violations[0].Description));
    }
}
