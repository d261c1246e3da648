using Inspection.Recommendations.Domain.Frameworks;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.Domain.Progress;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Recommendations.Domain.Recommendations;

using Xunit;

namespace Inspection.Recommendations.Tests;

public sealed class ProgressSummaryTests
{
    private static readonly ProgressScale Scale = FrameworkCatalogue.Load().ProgressScaleFor("pdu-2021-2023");

    private static ProgressFact Fact(ProviderInspection at, Provider addressee, string word, Guid? recommendationId = null, int revision = 1) =>
        new(Samples.Judgement(at, word, revision) with { RecommendationId = recommendationId ?? Guid.NewGuid() },
            at.Label, at.CalendarDate, addressee.Id, addressee.Name, addressee.Region, AddresseeGroup.Provider);

    [Fact]
    public void The_annex_judgements_give_the_published_counts_overall_and_by_predecessor()
    {
        var pdu = Samples.Provider("PDU", ProviderType.Pdu, "West Midlands");
        var inspection = Samples.Inspection(pdu, new DateOnly(2022, 6, 6));
        var origins = ReferenceData.Annex.Select(a => a.Origin).Distinct().ToDictionary(o => o, o => Samples.Provider(o, ProviderType.Crc, "West Midlands"));
        var facts = ReferenceData.Annex.Select(a => Fact(inspection, origins[a.Origin], a.Judgement)).ToList();

        var summary = ProgressSummary.Count(facts, SummaryGrouping.Provider, Scale);

        Assert.Equal(Scale.Words, summary.Scale);
        Assert.All(ReferenceData.AnnexCounts, c => Assert.Equal(c.Value, summary.CountOf(c.Key)));
        Assert.Equal(ReferenceData.Annex.Count, summary.Total.Total);
        Assert.Equal(origins.Count, summary.Rows.Count);
        foreach (var (origin, provider) in origins)
        {
            var row = summary.Rows.Single(r => r.Key == provider.Id.ToString());
            foreach (var word in Scale.Words)
                Assert.Equal(ReferenceData.Annex.Count(a => a.Origin == origin && a.Judgement == word), row.CountOf(word));
        }
    }

    [Fact]
    public void A_revised_judgement_counts_once_at_its_latest_revision()
    {
        var pdu = Samples.Provider("PDU", ProviderType.Pdu, "West Midlands");
        var inspection = Samples.Inspection(pdu, new DateOnly(2022, 6, 6));
        var recommendation = Guid.NewGuid();

        var summary = ProgressSummary.Count(
            [Fact(inspection, pdu, "No progress", recommendation), Fact(inspection, pdu, "Some progress", recommendation, revision: 2)],
            SummaryGrouping.Inspection, Scale);

        Assert.Equal(1, summary.Total.Total);
        Assert.Equal(1, summary.CountOf("Some progress"));
        Assert.Equal(0, summary.CountOf("No progress"));
        Assert.Equal(inspection.Label, Assert.Single(summary.Rows).Label);
    }

    [Fact]
    public void Over_time_groups_by_the_year_of_the_judging_inspection()
    {
        var pdu = Samples.Provider("PDU", ProviderType.Pdu, "West Midlands");
        var in2022 = Samples.Inspection(pdu, new DateOnly(2022, 6, 6));
        var in2024 = Samples.Inspection(pdu, new DateOnly(2024, 6, 3));

        var summary = ProgressSummary.Count(
            [Fact(in2024, pdu, "Sufficient progress"), Fact(in2022, pdu, "No progress"), Fact(in2022, pdu, "Some progress")],
            SummaryGrouping.Year, Scale);

        Assert.Equal(["2022", "2024"], summary.Rows.Select(r => r.Key));
        Assert.Equal(2, summary.Rows[0].Total);
        Assert.Equal(1, summary.Rows[1].CountOf("Sufficient progress"));
    }
}
