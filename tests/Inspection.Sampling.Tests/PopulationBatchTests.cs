using Inspection.Domain;
using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Population;

namespace Inspection.Sampling.Tests;

public sealed class PopulationBatchTests
{
    private static CaseRow Row(string reference = "CR0000001", string sentence = "Community Order", string date = "2021-11-03",
        string gender = "Male", string rosh = "Very high", bool upw = false, bool upwOnly = false, int mappa = 0)
        => new(reference, sentence, date, gender, "White", false, rosh, mappa, false, false, true, upw, upwOnly, "", " Aston ", "Team 1");

    [Fact]
    public void Good_rows_are_normalised()
    {
        var record = Assert.Single(PopulationBatch.Validate([Row()]));
        Assert.Equal(CaseVocabulary.CommunityOrder, record.SentenceType);
        Assert.Equal("male", record.Gender);
        Assert.Equal("very_high", record.RoshLevel);
        Assert.Equal("none", record.CourtReportType);
        Assert.Equal("Aston", record.AllocatedOffice);
        Assert.Equal(new DateOnly(2021, 11, 3), record.StartDate);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_row_and_field()
    {
        var error = Assert.Throws<ValidationException>(() => PopulationBatch.Validate(
        [
            Row(),
            Row(reference: "CR2", sentence: "fine", date: "03/11/2021"),
            Row(reference: "CR3", upwOnly: true, mappa: 4),
            Row(reference: "CR0000001"),
            Row(reference: "Jane Smith"),
            Row(reference: "CR6", sentence: "licence", upw: true),
        ], firstRowNumber: 2));
        Assert.Equal(
            ["cases[1].sentence_type", "cases[1].start_date", "cases[2].mappa_level", "cases[2].unpaid_work_only",
             "cases[3].case_reference", "cases[4].case_reference", "cases[5].unpaid_work_requirement"],
            error.Violations.Select(v => v.Field));
        Assert.StartsWith("row 3: ", error.Violations[0].Description);
        Assert.Contains("appears twice", error.Violations[4].Description);
    }

    [Fact]
    public void Past_the_limit_the_refusal_lists_the_first_rows_and_says_how_many_more()
    {
        // 30 bad rows (each one problem) among 40, from file row 2: 19 listed, then where the list stopped.
        var rows = Enumerable.Range(0, 40).Select(i => Row(reference: $"CR{i:D3}", gender: i % 4 == 3 ? "Male" : "nobody")).ToList();

        var error = Assert.Throws<ValidationException>(() => PopulationBatch.Validate(rows, firstRowNumber: 2));

        Assert.Equal(BatchCheck.MaxListed, error.Violations.Count);
        Assert.Equal("cases[0].gender", error.Violations[0].Field);
        Assert.StartsWith("row 2: ", error.Violations[0].Description);
        Assert.All(error.Violations.Take(19), v => Assert.EndsWith(".gender", v.Field));
        Assert.Equal(("cases", "and 11 more rows with problems, not listed, from row 27 on"), (error.Violations[^1].Field, error.Violations[^1].Description));
        Assert.StartsWith("30 rows of the batch have problems; the first 19 are listed (20 places at most), and 11 more rows", error.Message);
    }

    [Fact]
    public void Up_to_the_limit_every_problem_is_listed_and_nothing_says_more()
    {
        var rows = Enumerable.Range(0, 20).Select(i => Row(reference: $"CR{i:D3}", gender: "nobody")).ToList();

        var error = Assert.Throws<ValidationException>(() => PopulationBatch.Validate(rows, firstRowNumber: 2));

        Assert.Equal(20, error.Violations.Count);
        Assert.All(error.Violations, v => Assert.EndsWith(".gender", v.Field));
    }
}
