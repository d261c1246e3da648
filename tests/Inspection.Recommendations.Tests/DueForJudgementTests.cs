using Inspection.Domain;
using Inspection.Recommendations.Domain.Frameworks;
using Inspection.Recommendations.Domain.Progress;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Recommendations.Domain.Recommendations;

using Xunit;

namespace Inspection.Recommendations.Tests;

public sealed class DueForJudgementTests
{
    private static readonly ProgressScale Scale = FrameworkCatalogue.Load().ProgressScaleFor("pdu-2021-2023");

    private readonly Provider _crc = Samples.Provider("CRC", ProviderType.Crc, "West Midlands");
    private readonly Provider _division = Samples.Provider("NPS division", ProviderType.NpsDivision, "West Midlands");
    private readonly Provider _pdu = Samples.Provider("PDU", ProviderType.Pdu, "West Midlands");
    private readonly Provider _unrelated = Samples.Provider("Another CRC", ProviderType.Crc, "London");
    private readonly Provider _hmpps = Samples.Provider("HMPPS", ProviderType.NationalBody);

    private ProviderLineage Lineage => new([Samples.Link(_pdu, _crc), Samples.Link(_pdu, _division)]);

    [Fact]
    public void Due_are_the_open_recommendations_to_the_provider_or_its_predecessors()
    {
        var crcInspection = Samples.Inspection(_crc, new DateOnly(2019, 1, 7), new DateOnly(2019, 5, 1));
        var divisionInspection = Samples.Inspection(_division, new DateOnly(2019, 3, 4), new DateOnly(2019, 7, 1));
        var unrelatedInspection = Samples.Inspection(_unrelated, new DateOnly(2019, 3, 4), new DateOnly(2019, 7, 1));
        var interim = Samples.Inspection(_crc, new DateOnly(2020, 1, 6), new DateOnly(2020, 4, 1));
        var pduInspection = Samples.Inspection(_pdu, new DateOnly(2022, 6, 6));

        var toCrc = Samples.Recommendation(crcInspection, _crc, 1);
        var toCrcAlreadySufficient = Samples.Recommendation(crcInspection, _crc, 2, null, Samples.Judgement(interim, "Sufficient progress"));
        var toCrcSomeProgress = Samples.Recommendation(crcInspection, _crc, 3, null, Samples.Judgement(interim, "Some progress"));
        var toHmpps = Samples.Recommendation(crcInspection, _hmpps, 4, AddresseeGroup.Hmpps);
        var toDivision = Samples.Recommendation(divisionInspection, _division, 1);
        var toUnrelated = Samples.Recommendation(unrelatedInspection, _unrelated, 1);
        var madeByThisInspection = Samples.Recommendation(pduInspection with { PublishedOn = new DateOnly(2022, 8, 1) }, _pdu, 1);

        var due = DueForJudgement.Select(pduInspection, Lineage.ReachOf(_pdu.Id),
            [toUnrelated, toDivision, toHmpps, toCrcSomeProgress, toCrcAlreadySufficient, toCrc, madeByThisInspection], Scale);

        Assert.Equal([toCrc.Recommendation.Id, toCrcSomeProgress.Recommendation.Id, toDivision.Recommendation.Id], due.Select(d => d.Progress.Recommendation.Id));
        Assert.All(due, d => Assert.Equal(ReachedThrough.Predecessor, d.ReachedThrough));
        Assert.Equal("Some progress", due[1].PreviousJudgement?.Judgement);
        Assert.Null(due[0].PreviousJudgement);
    }

    [Fact]
    public void A_recommendation_judged_sufficient_at_this_inspection_stays_on_its_list()
    {
        var earlier = Samples.Inspection(_pdu, new DateOnly(2022, 6, 6), new DateOnly(2022, 8, 1));
        var later = Samples.Inspection(_pdu, new DateOnly(2024, 6, 3));
        var recommendation = Samples.Recommendation(earlier, _pdu, 1, null,
            Samples.Judgement(later, "Some progress"), Samples.Judgement(later, "Sufficient progress", revision: 2));

        var due = Assert.Single(DueForJudgement.Select(later, Lineage.ReachOf(_pdu.Id), [recommendation], Scale));

        Assert.Equal(ReachedThrough.Self, due.ReachedThrough);
        Assert.Equal("Sufficient progress", due.JudgementAtThisInspection?.Judgement);
        Assert.False(recommendation.IsOpen(Scale));
    }

    [Fact]
    public void Recording_against_an_inspection_the_recommendation_does_not_reach_is_refused_with_the_reason()
    {
        var unrelatedInspection = Samples.Inspection(_unrelated, new DateOnly(2019, 3, 4), new DateOnly(2019, 7, 1));
        var pduInspection = Samples.Inspection(_pdu, new DateOnly(2022, 6, 6));
        var toUnrelated = Samples.Recommendation(unrelatedInspection, _unrelated, 1);

        var ex = Assert.Throws<PreconditionFailedException>(() => DueForJudgement.EnsureDue(pduInspection, Lineage.ReachOf(_pdu.Id), toUnrelated, Scale));

        Assert.Contains("neither PDU nor one of its predecessors", ex.Message);
    }

    [Fact]
    public void A_recommendation_published_after_the_inspection_or_not_yet_published_is_not_due()
    {
        var pduInspection = Samples.Inspection(_pdu, new DateOnly(2022, 6, 6));
        var later = Samples.Recommendation(Samples.Inspection(_crc, new DateOnly(2022, 7, 1), new DateOnly(2022, 9, 1)), _crc, 1);
        var unpublished = Samples.Recommendation(Samples.Inspection(_crc, new DateOnly(2021, 1, 4)), _crc, 1);

        Assert.Contains("after this inspection", DueForJudgement.ReasonNotDue(pduInspection, Lineage.ReachOf(_pdu.Id), later, Scale));
        Assert.Contains("not published", DueForJudgement.ReasonNotDue(pduInspection, Lineage.ReachOf(_pdu.Id), unpublished, Scale));
    }

    [Fact]
    public void National_body_recommendations_reach_inspections_of_that_body()
    {
        var area = Samples.Inspection(_crc, new DateOnly(2019, 1, 7), new DateOnly(2019, 5, 1));
        var toHmpps = Samples.Recommendation(area, _hmpps, 1, AddresseeGroup.Hmpps);
        var ofHmpps = Samples.Inspection(_hmpps, new DateOnly(2020, 2, 3));

        Assert.Single(DueForJudgement.Select(ofHmpps, new ProviderLineage([]).ReachOf(_hmpps.Id), [toHmpps], Scale));
    }
}
