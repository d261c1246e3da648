using Inspection.Domain;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Recommendations.Domain.Recommendations;

using Xunit;

namespace Inspection.Recommendations.Tests;

public sealed class RecommendationNumberingTests
{
    private readonly Provider _pdu = Samples.Provider("PDU", ProviderType.Pdu, "West Midlands");
    private readonly Provider _region = Samples.Provider("West Midlands region", ProviderType.Region, "West Midlands");
    private readonly Provider _london = Samples.Provider("London region", ProviderType.Region, "London");
    private readonly Provider _hmpps = Samples.Provider("HM Prison and Probation Service (HMPPS)", ProviderType.NationalBody);
    private readonly Provider _moj = Samples.Provider("Ministry of Justice", ProviderType.NationalBody);

    private IReadOnlyDictionary<Guid, Provider> Register => new[] { _pdu, _region, _london, _hmpps, _moj }.ToDictionary(p => p.Id);

    private NewRecommendations Batch(params (AddresseeGroup Group, Provider To)[] items) =>
        NewRecommendations.Create(Guid.NewGuid().ToString(), items.Select(i => ((string?)i.Group.Word, (string?)i.To.Id.ToString(), (string?)$"do something for {i.To.Name}")).ToList(), "tester");

    [Fact]
    public void The_reference_reports_are_numbered_continuously_across_groups()
    {
        foreach (var inspection in ReferenceData.Inspections)
        {
            var published = ReferenceData.RecommendationsOf(inspection);
            var provider = Samples.Provider(inspection.Text("provider"), ProviderType.Pdu, inspection.Text("region"));
            var addressees = published.Select(r => r.Addressee).Distinct().ToDictionary(a => a, a =>
                a == provider.Name ? provider
                : a.EndsWith(" region", StringComparison.Ordinal) ? Samples.Provider(a, ProviderType.Region, inspection.Text("region"))
                : Samples.Provider(a, ProviderType.NationalBody));
            var batch = NewRecommendations.Create(Guid.NewGuid().ToString(), published.Select(r => (
                (string?)(r.Addressee == provider.Name ? "provider" : r.Addressee.EndsWith(" region", StringComparison.Ordinal) ? "region" : "hmpps"),
                (string?)addressees[r.Addressee].Id.ToString(), (string?)r.Text)).ToList(), "tester");

            var numbered = RecommendationNumbering.Number(provider, null, 0, batch, addressees.Values.ToDictionary(p => p.Id));

            Assert.Equal(published.Select(r => r.Number), numbered.Select(n => n.Number));
        }
    }

    [Fact]
    public void A_group_out_of_order_is_refused_naming_the_field()
    {
        var ex = Assert.Throws<ValidationException>(() => Batch((AddresseeGroup.Provider, _pdu), (AddresseeGroup.Hmpps, _hmpps), (AddresseeGroup.Region, _region)));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("recommendations[2].addressee_group", violation.Field);
        Assert.Equal("Recommendations to HM Prison and Probation Service come after those to the region: put recommendation 3 before recommendation 2", violation.Description);
    }

    [Fact]
    public void Numbering_continues_after_the_inspections_last_recommendation_and_keeps_the_order()
    {
        var numbered = RecommendationNumbering.Number(_pdu, AddresseeGroup.Region, 7, Batch((AddresseeGroup.Region, _region), (AddresseeGroup.Moj, _moj)), Register);
        Assert.Equal([8, 9], numbered.Select(n => n.Number));

        var ex = Assert.Throws<ValidationException>(() =>
            RecommendationNumbering.Number(_pdu, AddresseeGroup.Hmpps, 8, Batch((AddresseeGroup.Provider, _pdu)), Register));
        Assert.Equal("recommendations[0].addressee_group", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void A_correction_after_publication_is_numbered_after_the_last_recommendation_whatever_its_addressee()
    {
        var numbered = RecommendationNumbering.Number(
            _pdu, AddresseeGroup.Hmpps, 8, Batch((AddresseeGroup.Provider, _pdu), (AddresseeGroup.Region, _region)), Register, afterPublication: true);

        Assert.Equal([9, 10], numbered.Select(n => n.Number));
    }

    [Fact]
    public void An_addressee_that_does_not_fit_its_group_is_refused()
    {
        var ex = Assert.Throws<ValidationException>(() => RecommendationNumbering.Number(_pdu, null, 0,
            Batch((AddresseeGroup.Provider, _region), (AddresseeGroup.Region, _london), (AddresseeGroup.Hmpps, _pdu)), Register));

        Assert.Equal(["recommendations[0].addressee_provider_id", "recommendations[1].addressee_provider_id", "recommendations[2].addressee_provider_id"],
            ex.Violations.Select(v => v.Field));
        Assert.Contains("London", ex.Violations[1].Description);
        Assert.Contains("national body", ex.Violations[2].Description);
    }

    [Fact]
    public void An_addressee_missing_from_the_register_is_refused()
    {
        var stranger = Samples.Provider("Unknown", ProviderType.NationalBody);

        var ex = Assert.Throws<ValidationException>(() => RecommendationNumbering.Number(_pdu, null, 0, Batch((AddresseeGroup.Moj, stranger)), Register));

        Assert.Contains("no provider", Assert.Single(ex.Violations).Description);
    }

    [Fact]
    public void A_batch_with_an_unknown_group_or_no_text_reports_each_field()
    {
        var ex = Assert.Throws<ValidationException>(() => NewRecommendations.Create(Guid.NewGuid().ToString(),
            [("police", _pdu.Id.ToString(), "x"), ("provider", "not-an-id", " ")], "tester"));

        Assert.Equal(["recommendations[0].addressee_group", "recommendations[1].addressee_provider_id", "recommendations[1].text"],
            ex.Violations.Select(v => v.Field));
    }
}
