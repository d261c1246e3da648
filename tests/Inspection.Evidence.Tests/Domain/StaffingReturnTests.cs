using Inspection.Domain.Vocabularies;
using Inspection.Domain;
using Inspection.Evidence.Tests.Support;
using Xunit;
using Inspection.Evidence.Domain.Staffing;

namespace Inspection.Evidence.Tests.Domain;

public sealed class StaffingReturnTests
{
    private static StaffingReturn Create(IReadOnlyDictionary<string, double> figures, string asAt = "2022-06-06") =>
        StaffingReturn.Create("inspection", new StaffingReturnInput(asAt, figures, "inspector"), 1, DateTimeOffset.UtcNow);

    [Fact]
    public void The_2022_reference_return_is_accepted_with_every_field_and_its_unit()
    {
        var published = ReferenceData.StaffingAndWorkload(ReferenceData.Birmingham2022);
        var staffing = Create(published);

        Assert.Equal(published.Count, staffing.Figures.Count);
        foreach (var (field, value) in published)
            Assert.Equal((decimal)value, staffing.Value(field));
        Assert.Equal(StaffingUnit.Fte, staffing.Figures.Single(f => f.Field.Name == "po_fte").Field.Unit);
        Assert.Equal(StaffingUnit.Percent, staffing.Figures.Single(f => f.Field.Name == "vacancy_rate_pso_pct").Field.Unit);
        Assert.Equal(StaffingUnit.DaysPerStaffMember12m, staffing.Figures.Single(f => f.Field.Name == "sickness_days_per_staff_12m").Field.Unit);
        Assert.Equal(StaffingUnit.CasesPerOfficer, staffing.Figures.Single(f => f.Field.Name == "avg_caseload_per_po").Field.Unit);
    }

    [Fact]
    public void Every_field_of_the_reference_return_is_a_field_of_the_form()
    {
        var published = ReferenceData.StaffingAndWorkload(ReferenceData.Birmingham2022).Keys;
        Assert.Equal(published.Order(StringComparer.Ordinal), StaffingFields.All.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_vacancy_rate_of_140_percent_is_refused_naming_the_field()
    {
        var e = Assert.Throws<ValidationException>(() => Create(new Dictionary<string, double> { ["vacancy_rate_pct"] = 140 }));
        var violation = Assert.Single(e.Violations);
        Assert.Equal("figures.vacancy_rate_pct", violation.Field);
        Assert.Contains("0 to 100", violation.Description);
    }

    [Theory]
    [InlineData("po_fte", -1)]
    [InlineData("attrition_pct_12m", -0.5)]
    [InlineData("pso_describing_workload_unmanageable_pct", 100.5)]
    [InlineData("wmt_avg_po_pct", 1.17)]
    [InlineData("wmt_avg_pso_pct", 930)]
    [InlineData("sickness_days_per_staff_12m", 400)]
    public void Implausible_figures_are_refused_naming_the_field(string field, double value)
    {
        var e = Assert.Throws<ValidationException>(() => Create(new Dictionary<string, double> { [field] = value }));
        Assert.Equal($"figures.{field}", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void Grade_fte_cannot_exceed_the_total_in_post()
    {
        var e = Assert.Throws<ValidationException>(() => Create(new Dictionary<string, double>
        {
            ["total_staff_fte"] = 50, ["po_fte"] = 40, ["pso_fte"] = 20,
        }));
        Assert.Equal("figures.total_staff_fte", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void Unknown_fields_a_missing_date_and_no_figures_are_refused()
    {
        var unknown = Assert.Throws<ValidationException>(() => Create(new Dictionary<string, double> { ["headcount"] = 3 }, asAt: ""));
        Assert.Equal(["as_at", "figures.headcount"], unknown.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));

        var empty = Assert.Throws<ValidationException>(() => Create(new Dictionary<string, double>()));
        Assert.Equal("figures", Assert.Single(empty.Violations).Field);
    }

    [Theory]
    [InlineData("total_staff_fte", 1e308)]
    [InlineData("po_fte", -1e308)]
    [InlineData("vacancy_rate_pct", double.MaxValue)]
    [InlineData("avg_caseload_per_po", 1e29)]
    public void A_figure_past_the_range_of_decimal_is_refused_naming_the_field_not_an_overflow(string field, double value)
    {
        var e = Assert.Throws<ValidationException>(() => Create(new Dictionary<string, double> { [field] = value }));
        var violation = Assert.Single(e.Violations);
        Assert.Equal($"figures.{field}", violation.Field);
        Assert.StartsWith("must be ", violation.Description);
    }

    [Fact]
    public void A_huge_fte_says_the_range_not_that_it_is_negative()
    {
        var e = Assert.Throws<ValidationException>(() => Create(new Dictionary<string, double> { ["total_staff_fte"] = 99999999999 }));
        var violation = Assert.Single(e.Violations);
        Assert.Equal("must be from 0 to 10,000 full-time equivalents (99999999999 was given)", violation.Description);
        Assert.DoesNotContain("negative", violation.Description);
    }
}
