using Inspection.Domain;
using Xunit;
using Inspection.Evidence.Domain.Frameworks;
using Inspection.Evidence.Domain.Surveys;

namespace Inspection.Evidence.Tests.Domain;

public sealed class SurveyResultTests
{
    private static readonly OrganisationalFramework Pdu2022 = FrameworkCatalogue.Default.Get("pdu-2021-2023");

    private static SurveyResult Create(int respondents, int agreeing, string survey = Survey.Staff, string? standard = "1.2", string? keyQuestion = "1.2.4") =>
        SurveyResult.Create(Guid.NewGuid(), "inspection", Pdu2022,
            new SurveyResultInput(survey, "I feel my manager supports my development", respondents, agreeing, standard, keyQuestion, "inspector"),
            DateTimeOffset.UtcNow);

    [Fact]
    public void The_percentage_is_computed_from_the_counts_and_printed_half_up()
    {
        var result = Create(48, 7);
        Assert.Equal(7 * 100m / 48, result.Agreeing.Exact);
        Assert.Equal(15, result.Agreeing.Rounded);

        Assert.Equal(13, Create(8, 1).Agreeing.Rounded); // 12.5 rounds half up
    }

    [Fact]
    public void More_agreeing_than_respondents_is_refused_naming_agreeing()
    {
        var e = Assert.Throws<ValidationException>(() => Create(20, 21));
        var violation = Assert.Single(e.Violations);
        Assert.Equal("agreeing", violation.Field);
        Assert.Contains("more than the 20 respondents", violation.Description);
    }

    [Fact]
    public void No_respondents_an_unknown_survey_and_a_foreign_key_question_are_refused()
    {
        var e = Assert.Throws<ValidationException>(() => Create(0, 0, survey: "exit interviews", keyQuestion: "1.1.1"));
        Assert.Equal(["key_question_id", "respondents", "survey"], e.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }
}
