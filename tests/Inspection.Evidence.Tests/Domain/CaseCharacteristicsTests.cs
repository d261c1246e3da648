using Inspection.Domain;
using Inspection.Evidence.Domain;
using Inspection.Evidence.Tests.Support;
using Xunit;
using Inspection.Evidence.Domain.Characteristics;

namespace Inspection.Evidence.Tests.Domain;

public sealed class CaseCharacteristicsTests
{
    private static CaseSampleView Sample(params SampledCaseFacts[] cases) => new(FixedSamples.SamplingAttributes, cases);

    private static CaseCharacteristicsTable Compose(CaseCharacteristicsInput input, CaseSampleView? sample = null) =>
        CaseCharacteristicsTable.Compose("inspection", input, sample, 1, DateTimeOffset.UtcNow);

    [Fact]
    public void Every_row_of_the_reference_table_is_a_row_of_the_catalogue()
    {
        var published = ReferenceData.CharacteristicsOfInspectedCases(ReferenceData.Birmingham2022).Keys;
        Assert.Equal(published.Order(StringComparer.Ordinal), CaseCharacteristics.All.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rows_the_sample_carries_are_computed_and_marked_with_their_fraction()
    {
        // 7 women in 48 cases, as in the 2022 reference sample: printed as 15%.
        var cases = Enumerable.Range(1, 48).Select(i => FixedSamples.Case($"C{i:000}",
            gender: i <= 7 ? "female" : "male",
            ethnicGroup: i % 4 == 0 ? "black" : i % 4 == 1 ? "asian" : i == 2 ? "not_known" : "white",
            disability: i % 3 == 0)).ToArray();

        var table = Compose(new CaseCharacteristicsInput(true, [new EnteredCharacteristic("drug_misuse_pct", 31)], "inspector"), Sample(cases));

        var female = table.Rows.Single(r => r.Characteristic.Name == "female_pct");
        Assert.Equal(CharacteristicSource.ComputedFromSample, female.Source);
        Assert.Equal(new Percentage(7, 48), female.Fraction);
        Assert.Equal(15m, female.Value);

        // "not_known" leaves the denominator: 24 black or asian of the 47 with a recorded group.
        Assert.Equal(new Percentage(24, 47), table.Rows.Single(r => r.Characteristic.Name == "black_asian_minority_ethnic_pct").Fraction);
        Assert.Equal(new Percentage(16, 48), table.Rows.Single(r => r.Characteristic.Name == "disability_pct").Fraction);

        var drugs = table.Rows.Single(r => r.Characteristic.Name == "drug_misuse_pct");
        Assert.Equal(CharacteristicSource.Entered, drugs.Source);
        Assert.Null(drugs.Fraction);
        Assert.Equal(["female_pct", "black_asian_minority_ethnic_pct", "disability_pct", "drug_misuse_pct"], table.Rows.Select(r => r.Characteristic.Name));
    }

    [Fact]
    public void A_row_the_sample_computes_cannot_also_be_entered()
    {
        var e = Assert.Throws<ValidationException>(() => Compose(
            new CaseCharacteristicsInput(true, [new EnteredCharacteristic("female_pct", 15)], "inspector"),
            Sample(FixedSamples.Case("C1", gender: "female"))));
        Assert.Equal("entered[0].characteristic", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void Computing_without_a_sample_is_a_failed_precondition()
    {
        Assert.Throws<PreconditionFailedException>(() => Compose(new CaseCharacteristicsInput(true, [], "inspector"), Sample()));
    }

    [Fact]
    public void Entered_values_must_fit_their_unit_and_name()
    {
        var e = Assert.Throws<ValidationException>(() => Compose(new CaseCharacteristicsInput(false,
        [
            new EnteredCharacteristic("female_pct", 101),
            new EnteredCharacteristic("other_programme_requirements_not_commenced", 15.5),
            new EnteredCharacteristic("left_handed_pct", 10),
            new EnteredCharacteristic("drug_misuse_pct", 31),
            new EnteredCharacteristic("drug_misuse_pct", 32),
        ], "inspector")));
        Assert.Equal(["entered[0].value", "entered[1].value", "entered[2].characteristic", "entered[4].characteristic"],
            e.Violations.Select(v => v.Field));
    }
}
