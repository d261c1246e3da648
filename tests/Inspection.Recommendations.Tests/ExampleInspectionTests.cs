using Dapper;
using Inspection.Recommendations.Demo;
using Inspection.Recommendations.Domain;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Recommendations.Domain.Reminders;
using Inspection.Recommendations.Domain.SaidAndFound;
using Inspection.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests;

/// <summary>
/// The demo's fictional example of the years between two inspections loads through the use cases, every part of it
/// there (responses, a plan with a revised date, two updates, reported statuses, the next inspection's judgements), and
/// loading it again writes nothing.
/// </summary>
public sealed class ExampleInspectionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    // Today in England: 7 December 2026.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_example_loads_once_with_every_part_and_again_writes_nothing()
    {
        var store = await UseCases.OverAsync(database.DataSource, _clock);

        var first = await store.Example.LoadAsync(default);
        var rows = await CountRowsAsync();
        var second = await store.Example.LoadAsync(default);
        Assert.True(first > 20, $"{first} writes");
        Assert.Equal(0, second);
        Assert.Equal(rows, await CountRowsAsync());

        var provider = (await store.Register.ListAsync(ProviderQuery.Create(null, null, "fictional", null, 0, null), default)).Items.Single();
        Assert.Equal(ExampleInspection.ProviderName, provider.Name);
        var inspections = (await store.Calendar.ListAsync(InspectionQuery.Create(provider.Id.ToString(), false, null, null, null, null, 0, null, new DateOnly(2026, 12, 7)), default)).Items;
        Assert.Equal([true, true], inspections.Select(i => i.IsPublished));
        var plans = await store.Plans.ForInspectionAsync(inspections.OrderBy(i => i.FieldworkStart).First().Id, default);

        Assert.Equal(["Agreed", "Agreed", "Partly agreed"], plans.Select(p => Inspection.Contracts.Vocabularies.WireWords.AddresseeResponses.WordFor(p.Response!.Response)));
        Assert.Equal([2, 1, 1], plans.Select(p => p.Actions.Count));
        var revised = plans.SelectMany(p => p.Actions).Single(a => a.Revisions == 1);
        Assert.Equal((new DateOnly(2024, 6, 28), new DateOnly(2024, 12, 20)), (revised.TargetDates[0].Date, revised.TargetDate));
        Assert.NotEmpty(revised.TargetDates[1].Reason);
        Assert.Equal(2, plans.Sum(p => p.Updates.Count));
        Assert.Equal(3, plans.Sum(p => p.ReportedStatuses.Count));

        // What it said against what was found: two reported Complete or On track, one of them judged Some progress.
        var found = await store.SaidAgainstFound.GetAsync(new SaidAgainstFoundQuery(provider.Id, null), default);
        Assert.Equal((2, 1), (found.Total.SaidDoneOrOnCourse, found.Total.ThenFoundShort));

        // Reminders today: the next inspection's plan never arrived, and two actions are past their dates.
        var (list, _) = await store.Reminders.ListAsync(ReminderQuery.Create([], provider.Id.ToString(), null, false, false, 0, null, new DateOnly(2026, 12, 7), 0, null), default);
        Assert.Equal((3, 0), (list.Overdue, list.FallsDue));
        Assert.Equal(1, list.Reminders.Count(r => r.Kind == Inspection.Domain.Vocabularies.ReminderKind.ImprovementPlan));
    }

    private async Task<(long, long, long, long, long, long, long)> CountRowsAsync()
    {
        await using var c = await database.DataSource.OpenConnectionAsync();
        return await c.QuerySingleAsync<(long, long, long, long, long, long, long)>(
            """
            select (select count(*) from inspections), (select count(*) from recommendations), (select count(*) from plan_actions),
                   (select count(*) from action_target_dates), (select count(*) from plan_updates), (select count(*) from reported_statuses),
                   (select count(*) from progress_judgements)
            """);
    }
}
