using Inspection.Domain;
using Inspection.Recommendations.Domain.Providers;

using Xunit;

namespace Inspection.Recommendations.Tests;

public sealed class ProviderLineageTests
{
    private readonly Provider _area = Samples.Provider("Probation area", ProviderType.ProbationArea, "West Midlands");
    private readonly Provider _crc = Samples.Provider("CRC", ProviderType.Crc, "West Midlands");
    private readonly Provider _division = Samples.Provider("NPS division", ProviderType.NpsDivision, "West Midlands");
    private readonly Provider _pdu = Samples.Provider("PDU", ProviderType.Pdu, "West Midlands");
    private readonly Provider _otherPdu = Samples.Provider("Other PDU", ProviderType.Pdu, "West Midlands");

    private ProviderLineage Lineage() => new([
        Samples.Link(_crc, _area, new DateOnly(2014, 6, 1)),
        Samples.Link(_division, _area, new DateOnly(2014, 6, 1)),
        Samples.Link(_pdu, _crc),
        Samples.Link(_pdu, _division),
        Samples.Link(_otherPdu, _division),
    ]);

    [Fact]
    public void Ancestors_walk_back_through_every_restructure_nearest_first_each_once()
    {
        var ancestors = Lineage().AncestorsOf(_pdu.Id);

        Assert.Equal(new[] { _crc.Id, _division.Id }.Order(), ancestors.Take(2).Select(a => a.ProviderId).Order());
        Assert.Equal(_area.Id, ancestors[2].ProviderId);
        Assert.Equal(3, ancestors.Count);
        Assert.Equal(1, ancestors.Single(a => a.ProviderId == _crc.Id).Generation);
        Assert.Equal(1, ancestors.Single(a => a.ProviderId == _division.Id).Generation);
        Assert.Equal(2, ancestors.Single(a => a.ProviderId == _area.Id).Generation);
    }

    [Fact]
    public void Successors_walk_forward()
    {
        var successors = Lineage().SuccessorsOf(_division.Id);

        Assert.Equal(new[] { _pdu.Id, _otherPdu.Id }.Order(), successors.Select(s => s.ProviderId).Order());
        Assert.All(successors, s => Assert.Equal(1, s.Generation));
        Assert.Equal(4, Lineage().SuccessorsOf(_area.Id).Count);
    }

    [Fact]
    public void Reach_is_the_provider_and_its_ancestors_only()
    {
        var reach = Lineage().ReachOf(_pdu.Id);

        Assert.Equal(new[] { _pdu.Id, _crc.Id, _division.Id, _area.Id }.Order(), reach.Order());
        Assert.DoesNotContain(_otherPdu.Id, reach);
    }

    [Fact]
    public void A_restructure_making_a_provider_its_own_ancestor_is_refused_naming_the_field()
    {
        // The area would be formed from the PDU, which descends from the area.
        var restructure = NewRestructure.Create(_area.Id.ToString(), "2023-01-01", [(_otherPdu.Id.ToString(), ""), (_pdu.Id.ToString(), "")], "", "tester");

        var ex = Assert.Throws<ValidationException>(() => Lineage().EnsureCanRecord(restructure));

        Assert.Equal(["predecessors[0].provider_id", "predecessors[1].provider_id"], ex.Violations.Select(v => v.Field));
        Assert.All(ex.Violations, v => Assert.Contains("its own ancestor", v.Description));
    }

    [Fact]
    public void A_provider_cannot_be_its_own_predecessor()
    {
        var ex = Assert.Throws<ValidationException>(() =>
            NewRestructure.Create(_pdu.Id.ToString(), "2021-06-26", [(_crc.Id.ToString(), ""), (_pdu.Id.ToString(), "")], "", "tester"));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal("predecessors[1].provider_id", violation.Field);
        Assert.Contains("own ancestor", violation.Description);
    }

    [Fact]
    public void Recording_an_existing_link_again_is_refused()
    {
        var restructure = NewRestructure.Create(_pdu.Id.ToString(), "2021-06-26", [(_crc.Id.ToString(), "")], "", "tester");

        var ex = Assert.Throws<ValidationException>(() => Lineage().EnsureCanRecord(restructure));

        Assert.Equal("predecessors[0].provider_id", Assert.Single(ex.Violations).Field);
        Assert.Contains("already a predecessor", ex.Violations[0].Description);
    }

    [Fact]
    public void A_restructure_without_a_date_or_predecessors_reports_every_field()
    {
        var ex = Assert.Throws<ValidationException>(() => NewRestructure.Create(_pdu.Id.ToString(), "26/06/2021", [], "", ""));

        Assert.Equal(["effective_on", "predecessors", "recorded_by"], ex.Violations.Select(v => v.Field));
    }
}
