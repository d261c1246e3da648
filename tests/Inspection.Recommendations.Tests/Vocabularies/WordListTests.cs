using Inspection.Domain;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Recommendations.Domain.Recommendations;
using Xunit;

namespace Inspection.Recommendations.Tests.Vocabularies;

/// <summary>Provider types, addressee groups and inspection statuses read their words one way (WordList).</summary>
public sealed class WordListTests
{
    [Fact]
    public void A_word_is_read_case_and_surrounding_spaces_aside()
    {
        var violations = new List<FieldViolation>();

        Assert.Same(ProviderType.NpsDivision, ProviderType.Parse(" NPS_Division ", "type", violations));
        Assert.Same(AddresseeGroup.Hmpps, AddresseeGroup.Parse("HMPPS", "addressee_group", violations));
        Assert.Same(InspectionStatus.Published, InspectionStatus.Parse("Published", "status", violations));
        Assert.True(ProviderType.TryParse("crc", out var crc));
        Assert.Same(ProviderType.Crc, crc);
        Assert.Empty(violations);
    }

    [Fact]
    public void Another_word_is_refused_naming_the_field_and_the_words_allowed()
    {
        var violations = new List<FieldViolation>();

        Assert.Null(AddresseeGroup.Parse("council", "recommendations[2].addressee_group", violations));
        Assert.Null(ProviderType.Parse("  ", "type", violations));
        Assert.Null(InspectionStatus.Parse("draft", "status", violations));

        Assert.Equal(
            [
                new FieldViolation("recommendations[2].addressee_group", "'council' is not an addressee group: one of provider, region, hmpps, moj"),
                new FieldViolation("type", "required: one of pdu, region, nps_division, crc, probation_area, national_body"),
                new FieldViolation("status", "'draft' is not an inspection status: one of planned, published"),
            ],
            violations);
    }

    [Fact]
    public void A_stored_word_the_list_does_not_hold_is_a_fault_of_the_data()
    {
        Assert.Same(InspectionStatus.Planned, InspectionStatus.FromWord("planned"));
        var fault = Assert.Throws<ArgumentException>(() => AddresseeGroup.FromWord("council"));
        Assert.StartsWith("'council' is not an addressee group", fault.Message);
    }
}
