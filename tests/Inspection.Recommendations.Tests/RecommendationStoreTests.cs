using Dapper;
using Inspection.Data;
using Inspection.Domain;
using Inspection.Recommendations.Application;
using Inspection.Recommendations.Domain.Frameworks;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.Domain.Progress;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Recommendations.Domain.Recommendations;

using Inspection.Testing;
using Npgsql;
using Xunit;

namespace Inspection.Recommendations.Tests;

/// <summary>What only the use cases over the database can show: races the database must settle, and the append-only history.</summary>
public sealed class RecommendationStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly FrameworkCatalogue Frameworks = UseCases.Frameworks;
    private UseCases _store = null!;

    public async Task InitializeAsync() => _store = await UseCases.OverAsync(database.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Provider> ProviderAsync(string type, string region = "Wales")
    {
        var name = $"{type} {Guid.NewGuid():N}";
        return (await _store.Register.CreateAsync(name, NewProvider.Create(name, type, region, null, null, "t"), default)).Value;
    }

    [Fact]
    public async Task Two_restructures_that_together_would_close_a_cycle_cannot_both_be_recorded()
    {
        var a = await ProviderAsync("pdu");
        var b = await ProviderAsync("crc");

        var results = await Task.WhenAll(
            Outcome(() => _store.Register.RecordRestructureAsync($"ab-{a.Id}", NewRestructure.Create(a.Id.ToString(), "2021-06-26", [(b.Id.ToString(), "")], "", "t"), a.Version, default)),
            Outcome(() => _store.Register.RecordRestructureAsync($"ba-{a.Id}", NewRestructure.Create(b.Id.ToString(), "2021-06-26", [(a.Id.ToString(), "")], "", "t"), b.Version, default)));

        Assert.Single(results, r => r is null);
        var refused = Assert.IsType<ValidationException>(Assert.Single(results, r => r is not null));
        Assert.Equal("predecessors[0].provider_id", Assert.Single(refused.Violations).Field);
        var lineageA = await _store.Register.GetLineageAsync(a.Id, default);
        var lineageB = await _store.Register.GetLineageAsync(b.Id, default);
        Assert.Equal(1, lineageA.Ancestors.Count + lineageB.Ancestors.Count);
    }

    [Fact]
    public async Task Two_batches_added_at_once_from_the_same_version_one_wins_the_other_is_aborted()
    {
        var pdu = await ProviderAsync("pdu");
        var inspection = (await _store.Calendar.CreateAsync($"i-{pdu.Id}", NewInspection.Create(pdu.Id.ToString(), "pdu-2024", "2024-06-03", null, null, "t", Frameworks), default)).Value;
        NewRecommendations Batch(string text) => NewRecommendations.Create(inspection.Id.ToString(), [("provider", pdu.Id.ToString(), text)], "t");

        var results = await Task.WhenAll(
            Outcome(() => _store.Records.AddAsync($"a-{pdu.Id}", Batch("improve a"), inspection.Version, default)),
            Outcome(() => _store.Records.AddAsync($"b-{pdu.Id}", Batch("improve b"), inspection.Version, default)));

        Assert.IsType<ConcurrencyConflictException>(Assert.Single(results, r => r is not null));
        var now = await _store.Calendar.GetAsync(inspection.Id, default);
        Assert.Equal(1, now.RecommendationCount);
        Assert.Equal(inspection.Version + 1, now.Version);
    }

    [Fact]
    public async Task Judgements_are_append_only_in_the_database()
    {
        var crc = await ProviderAsync("crc");
        var made = (await _store.Calendar.CreateAsync($"i-{crc.Id}", NewInspection.Create(crc.Id.ToString(), "nps-division-2018", "2018-10-01", null, null, "t", Frameworks), default)).Value;
        var recommendation = (await _store.Records.AddAsync($"r-{crc.Id}",
            NewRecommendations.Create(made.Id.ToString(), [("provider", crc.Id.ToString(), "improve")], "t"), made.Version, default)).Value.Recommendations.Single();
        await _store.Calendar.RecordEarlierPublicationAsync($"p-{crc.Id}", InspectionPublication.Create(made.Id.ToString(), "2019-01-15", "t"), made.Version + 1, default);
        var next = (await _store.Calendar.CreateAsync($"n-{crc.Id}", NewInspection.Create(crc.Id.ToString(), "nps-division-2018", "2020-02-03", null, null, "t", Frameworks), default)).Value;
        await _store.Progress.RecordAsync($"j-{crc.Id}",
            NewProgressJudgement.Create(recommendation.Recommendation.Id.ToString(), next.Id.ToString(), "Some progress", "findings", false, "t"), 1, default);

        await using var c = await database.DataSource.OpenConnectionAsync();
        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            c.ExecuteAsync("update progress_judgements set judgement = 'Sufficient progress' where recommendation_id = @id", new { id = recommendation.Recommendation.Id }));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            c.ExecuteAsync("delete from progress_judgements where recommendation_id = @id", new { id = recommendation.Recommendation.Id }));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
        Assert.Equal("Some progress", (await _store.Records.GetAsync(recommendation.Recommendation.Id, default)).Latest?.Judgement);
    }

    [Fact]
    public async Task A_second_provider_of_the_same_name_is_refused()
    {
        var first = await ProviderAsync("region");

        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            _store.Register.CreateAsync($"again-{first.Id}", NewProvider.Create(first.Name.ToUpperInvariant(), "region", "Wales", null, null, "t"), default));
    }

    [Fact]
    public async Task Overdue_keeps_open_recommendations_whose_plan_fell_due_and_text_search_finds_by_phrase()
    {
        var crc = await ProviderAsync("crc");
        var made = (await _store.Calendar.CreateAsync($"i-{crc.Id}", NewInspection.Create(crc.Id.ToString(), "nps-division-2018", "2018-10-01", null, null, "t", Frameworks), default)).Value;
        var added = (await _store.Records.AddAsync($"r-{crc.Id}", NewRecommendations.Create(made.Id.ToString(),
            [("provider", crc.Id.ToString(), "reduce sickness absence"), ("provider", crc.Id.ToString(), "review risk management plans")], "t"), made.Version, default)).Value;
        var published = (await _store.Calendar.RecordEarlierPublicationAsync($"p-{crc.Id}", InspectionPublication.Create(made.Id.ToString(), "2019-01-15", "t"), added.Inspection.Version, default)).Value;
        var next = (await _store.Calendar.CreateAsync($"n-{crc.Id}", NewInspection.Create(crc.Id.ToString(), "nps-division-2018", "2020-02-03", null, null, "t", Frameworks), default)).Value;
        var closed = added.Recommendations[0].Recommendation;
        await _store.Progress.RecordAsync($"j-{crc.Id}",
            NewProgressJudgement.Create(closed.Id.ToString(), next.Id.ToString(), "Sufficient progress", "", false, "t"), closed.Version, default);
        RecommendationQuery Query(bool overdue, string asOf, string? text = null) => RecommendationQuery.Create(
            crc.Id.ToString(), false, null, null, null, overdue, asOf, text, 0, null, Frameworks.CombinedProgressScale(), new DateOnly(2030, 1, 1));

        var beforeDue = await _store.Records.ListAsync(Query(true, "2019-02-12"), default);
        var afterDue = await _store.Records.ListAsync(Query(true, "2019-02-13"), default);
        var found = await _store.Records.ListAsync(Query(false, "", "RISK MANAGEMENT"), default);

        Assert.Equal(new DateOnly(2019, 2, 12), published.ImprovementPlanDue);
        Assert.Empty(beforeDue.Items);
        Assert.Equal(["review risk management plans"], afterDue.Items.Select(r => r.Recommendation.Text));
        Assert.Equal(["review risk management plans"], found.Items.Select(r => r.Recommendation.Text));
    }

    private static async Task<Exception?> Outcome<T>(Func<Task<T>> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (DomainException e)
        {
            return e;
        }
    }
}
