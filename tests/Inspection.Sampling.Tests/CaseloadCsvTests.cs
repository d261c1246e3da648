using Inspection.Sampling.Domain;
using Inspection.Sampling.Domain.Population;

namespace Inspection.Sampling.Tests;

public sealed class CaseloadCsvTests
{
    [Fact]
    public void Reads_good_rows_with_columns_in_any_order_and_flags_in_plain_words()
    {
        const string csv = """
            Start Date,Case Reference,Sentence Type,Gender,Ethnic Group,RoSH Level,MAPPA Level,Statutory Victim Contact,Court Report Type,Allocated Office
            2021-11-03,CR0000001,Community Order,Male,White,Very high,2,yes,Short format,Aston
            2021-11-04,CR0000002,licence,female,black,low,,n,,
            """;
        var result = CaseloadCsv.Read(new StringReader(csv));

        Assert.Empty(result.Errors);
        Assert.Equal([2L, 3L], result.RowNumbers);
        var records = PopulationBatch.Validate(result.Rows);
        Assert.Equal(("CR0000001", CaseVocabulary.CommunityOrder, "very_high", 2, true, "short_format", "Aston"),
            (records[0].CaseReference, records[0].SentenceType, records[0].RoshLevel, records[0].MappaLevel, records[0].StatutoryVictimContact, records[0].CourtReportType, records[0].AllocatedOffice));
        Assert.Equal(("licence", 0, false, "none", ""), (records[1].SentenceType, records[1].MappaLevel, records[1].StatutoryVictimContact, records[1].CourtReportType, records[1].AllocatedOffice));
    }

    [Fact]
    public void Lists_every_row_error_with_row_number_field_and_reason()
    {
        const string csv = """
            case_reference,sentence_type,start_date,gender,ethnic_group,rosh_level,disability,mappa_level
            CR1,community_order,2021-11-03,male,white,low,maybe,0
            CR2,fine,2021-11-31,male,white,low,no,7
            CR1,licence,2021-11-05,female,white,high,no,1
            CR4,licence,2021-11-05,female,white,high,yes,none
            """;
        var result = CaseloadCsv.Read(new StringReader(csv));

        Assert.Equal(
            [new CsvRowError(2, "disability", "'maybe' is not yes or no"), new CsvRowError(3, "sentence_type", "'fine' is not one of community_order, suspended_sentence_order, licence, custody")],
            result.Errors.Take(2));
        Assert.Equal([(3L, "start_date"), (3L, "mappa_level"), (4L, "case_reference")], result.Errors.Skip(2).Select(e => (e.Row, e.Field)));
        Assert.Contains("also on row 2", result.Errors[^1].Reason);
        Assert.Equal(["CR4"], result.Rows.Select(r => r.CaseReference));
    }

    [Fact]
    public void A_missing_required_column_is_reported_on_the_header_row()
    {
        var result = CaseloadCsv.Read(new StringReader("case_reference,sentence_type,gender\nCR1,licence,male\n"));
        Assert.Equal(["start_date", "ethnic_group", "rosh_level"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.Equal(1, e.Row));
        Assert.Empty(result.Rows);
    }
}
