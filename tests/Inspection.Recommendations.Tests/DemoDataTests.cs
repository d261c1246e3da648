using Dapper;
using Inspection.Data;
using Inspection.Recommendations.Application;
using Inspection.Recommendations.Demo;
using Inspection.Recommendations.Domain.Frameworks;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.Domain.Progress;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Recommendations.Domain.Recommendations;

using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests;

public sealed class DemoDataTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly FrameworkCatalogue Frameworks = UseCases.Frameworks;
    private UseCases _store = null!;

    public async Task InitializeAsync() => _store = await UseCases.OverAsync(database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Loading_the_reference_inspections_twice_creates_nothing_new_and_reproduces_the_annex()
    {
        var demo = new DemoData(_store.Register, _store.Calendar, _store.Records, _store.Progress, Frameworks);

        var first = await demo.LoadAsync(ReferenceData.ReferenceInspectionsPath, default);
        var rowsAfterFirst = await CountRowsAsync();
        var second = await demo.LoadAsync(ReferenceData.ReferenceInspectionsPath, default);

        Assert.True(second.CreatedNothing, second.ToString());
        Assert.Equal(rowsAfterFirst, await CountRowsAsync());

        var origins = ReferenceData.Annex.Select(a => a.Origin).Distinct().Count();
        Assert.Equal(ReferenceData.Inspections.Count + origins, first.Inspections);
        Assert.Equal(first.Inspections, first.Publications);
        Assert.Equal(ReferenceData.Inspections.Sum(i => ReferenceData.RecommendationsOf(i).Count) + ReferenceData.Annex.Count, first.Recommendations);
        Assert.Equal(ReferenceData.Annex.Count, first.Judgements);
        Assert.Equal(1, first.Restructures);

        var pduName = ReferenceData.AnnexInspection.Text("provider");
        var pdu = (await _store.Register.ListAsync(ProviderQuery.Create(null, null, pduName, null, 0, null), default)).Items.Single(p => p.Name == pduName);
        var inspection = (await _store.Calendar.ListAsync(InspectionQuery.Create(pdu.Id.ToString(), false, null, null, null, null, 0, null, new DateOnly(2030, 1, 1)), default)).Items.Single();
        var summary = await _store.Progress.SummaryAsync(ProgressSummaryQuery.Create(inspection.Id.ToString(), null, null), default);
        Assert.All(ReferenceData.AnnexCounts, c => Assert.Equal(c.Value, summary.CountOf(c.Key)));

        var due = await _store.Progress.ListDueAsync(inspection.Id, default);
        Assert.Equal(ReferenceData.Annex.Select(a => a.Text).Order(), due.Recommendations.Select(d => d.Progress.Recommendation.Text).Order());
        Assert.Equal(ReferenceData.Annex.Select(a => a.Repeated).Count(r => r), due.Recommendations.Count(d => d.JudgementAtThisInspection!.RepeatedFromPreviousInspection));

        // The PDU's own published recommendations, numbered as the report numbers them, tracked from publication.
        var own = await _store.Records.ListAsync(RecommendationQuery.Create(
            null, false, null, inspection.Id.ToString(), null, false, null, null, 0, null, Frameworks.CombinedProgressScale(), new DateOnly(2022, 9, 1)), default);
        Assert.Equal(ReferenceData.RecommendationsOf(ReferenceData.AnnexInspection).Select(r => (r.Number, r.Text)),
            own.Items.Select(r => (r.Recommendation.Number, r.Recommendation.Text)));
        Assert.Equal(new DateOnly(2022, 8, 29), inspection.ImprovementPlanDue);
    }

    private async Task<(long, long, long, long, long, long)> CountRowsAsync()
    {
        await using var c = await database.DataSource.OpenConnectionAsync();
        return await c.QuerySingleAsync<(long, long, long, long, long, long)>(
            """
            select (select count(*) from providers), (select count(*) from restructures), (select count(*) from inspections),
                   (select count(*) from recommendations), (select count(*) from progress_judgements), (select count(*) from request_ledger)
            """);
    }
}
