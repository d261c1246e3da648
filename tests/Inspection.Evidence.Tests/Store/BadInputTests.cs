using Inspection.Domain;
using Inspection.Evidence.Application;
using Inspection.Evidence.Tests.Support;
using Xunit;
using Inspection.Evidence.Domain.Items;
using Inspection.Evidence.Domain.Judgements;
using Inspection.Evidence.Domain.Staffing;
using Inspection.Evidence.Domain.Surveys;

namespace Inspection.Evidence.Tests.Store;

/// <summary>The refusals the issue names, through the service's commands against the real database: nothing is stored.</summary>
public sealed class BadInputTests(EvidenceDatabase db) : IClassFixture<EvidenceDatabase>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task An_unknown_standard_for_the_framework_is_refused_naming_standard_id()
    {
        // 2.2 is a case standard of the 2021-2023 programme; P1.1 belongs to the 2024 programme.
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        foreach (var standard in new[] { "2.2", "P1.1", "9.9" })
        {
            var e = await Assert.ThrowsAsync<ValidationException>(() => db.Evidence.AddAsync(new AddEvidence(Guid.NewGuid().ToString(), inspectionId,
                new EvidenceInput(standard, null, EvidenceSource.Document, "2022-06-06", "x", Finding.Strength, [], "inspector", null)), Ct));
            Assert.Equal("standard_id", Assert.Single(e.Violations).Field);
        }
        Assert.Empty(await db.Evidence.ListAsync(new EvidenceFilter(inspectionId, IncludeWithdrawn: true), Ct));
    }

    [Fact]
    public async Task A_rating_word_not_in_the_framework_is_refused_naming_rating()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var e = await Assert.ThrowsAsync<ValidationException>(() => db.Judgements.RecordAsync(new RecordJudgement(Guid.NewGuid().ToString(), inspectionId,
            new JudgementInput("1.1", "Satisfactorily met", "r", false, null, JudgementState.Final, "lead", null, null)), Ct));
        Assert.Equal("rating", Assert.Single(e.Violations).Field);
        Assert.Empty(await db.Judgements.GetCurrentAsync(inspectionId, Ct));
    }

    [Fact]
    public async Task A_survey_with_more_agreeing_than_respondents_is_refused_naming_agreeing()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var e = await Assert.ThrowsAsync<ValidationException>(() => db.Surveys.RecordAsync(new RecordSurveyResult(Guid.NewGuid().ToString(), inspectionId,
            new SurveyResultInput(Survey.PeopleOnProbation, "My probation officer listens to me", 30, 31, "1.4", null, "inspector")), Ct));
        Assert.Equal("agreeing", Assert.Single(e.Violations).Field);
        Assert.Empty(await db.Surveys.ListAsync(inspectionId, null, Ct));
    }

    [Fact]
    public async Task A_vacancy_rate_of_140_percent_is_refused_naming_the_field()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var figures = ReferenceData.StaffingAndWorkload(ReferenceData.Birmingham2022).ToDictionary(p => p.Key, p => p.Value);
        figures["vacancy_rate_pct"] = 140;

        var e = await Assert.ThrowsAsync<ValidationException>(() => db.Staffing.RecordAsync(new RecordStaffingReturn(Guid.NewGuid().ToString(), inspectionId,
            new StaffingReturnInput("2022-06-06", figures, "inspector")), Ct));
        Assert.Equal("figures.vacancy_rate_pct", Assert.Single(e.Violations).Field);
        await Assert.ThrowsAsync<NotFoundException>(() => db.Staffing.GetAsync(inspectionId, null, Ct));
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public async Task A_figure_that_is_not_a_finite_number_is_refused_naming_it(double figure)
    {
        // found by tests/Inspection.Fuzz.Tests: the request fingerprint's JSON refused Infinity before validation ran (INTERNAL)
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var figures = ReferenceData.StaffingAndWorkload(ReferenceData.Birmingham2022).ToDictionary(p => p.Key, p => p.Value);
        figures["vacancy_rate_pct"] = figure;

        var e = await Assert.ThrowsAsync<ValidationException>(() => db.Staffing.RecordAsync(new RecordStaffingReturn(Guid.NewGuid().ToString(), inspectionId,
            new StaffingReturnInput("2022-06-06", figures, "inspector")), Ct));
        Assert.Equal("figures.vacancy_rate_pct", Assert.Single(e.Violations).Field);
        await Assert.ThrowsAsync<NotFoundException>(() => db.Staffing.GetAsync(inspectionId, null, Ct));
    }

    [Fact]
    public async Task A_survey_result_is_stored_with_its_computed_percentage()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var recorded = await db.Surveys.RecordAsync(new RecordSurveyResult(Guid.NewGuid().ToString(), inspectionId,
            new SurveyResultInput(Survey.Sentencer, "Reports help me sentence", 12, 9, "1.3", "1.3.2", "inspector")), Ct);

        var read = Assert.Single(await db.Surveys.ListAsync(inspectionId, Survey.Sentencer, Ct));
        Assert.Equal(recorded, read);
        Assert.Equal((75m, 75), (read.Agreeing.Exact, read.Agreeing.Rounded));
        Assert.Empty(await db.Surveys.ListAsync(inspectionId, Survey.Staff, Ct));
    }
}
