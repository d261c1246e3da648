using Inspection.Domain;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests;

/// <summary>
/// "Not in the future" is judged against today's date in England, not UTC (issue 22): the use cases over a database,
/// their clock set to 23:30 UTC on 30 June 2026, which is already 1 July in British Summer Time.
/// </summary>
public sealed class EnglandTodayTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero));
    private UseCases _store = null!;

    public async Task InitializeAsync() => _store = await UseCases.OverAsync(database.DataSource, _clock);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ProviderInspection> InspectionAsync()
    {
        var name = $"England PDU {Guid.NewGuid():N}";
        var provider = (await _store.Register.CreateAsync(name, NewProvider.Create(name, "pdu", "Wales", null, null, "t"), default)).Value;
        return (await _store.Calendar.CreateAsync(Guid.NewGuid().ToString(),
            NewInspection.Create(provider.Id.ToString(), "pdu-2024", "2026-05-11", "2026-05-22", "", "t", UseCases.Frameworks), default)).Value;
    }

    private Task Publish(ProviderInspection inspection, string on) =>
        _store.Calendar.RecordEarlierPublicationAsync(Guid.NewGuid().ToString(), InspectionPublication.Create(inspection.Id.ToString(), on, "t"), inspection.Version, default);

    [Fact]
    public async Task A_report_published_on_the_first_of_july_in_england_is_accepted_while_it_is_still_june_in_utc()
    {
        var inspection = await InspectionAsync();

        var tomorrow = await Assert.ThrowsAsync<ValidationException>(() => Publish(inspection, "2026-07-02"));
        await Publish(inspection, "2026-07-01");

        Assert.Equal(("published_on", "The publication date cannot be after today (1 July 2026)"),
            (Assert.Single(tomorrow.Violations).Field, tomorrow.Violations[0].Description));
        Assert.Equal(new DateOnly(2026, 7, 1), (await _store.Calendar.GetAsync(inspection.Id, default)).PublishedOn);
    }

    [Fact]
    public async Task A_correction_is_judged_against_the_same_day()
    {
        var inspection = await InspectionAsync();
        await Publish(inspection, "2026-06-29");
        var published = await _store.Calendar.GetAsync(inspection.Id, default);

        var corrected = (await _store.Calendar.CorrectPublishedAsync(Guid.NewGuid().ToString(),
            PublishedFactsCorrection.Create(inspection.Id.ToString(), "2026-07-01", "", "", "went online after midnight", "lead"), published.Version, default)).Value;

        Assert.Equal(new DateOnly(2026, 7, 1), corrected.PublishedOn);
        Assert.Equal(_clock.GetUtcNow(), Assert.Single(corrected.Corrections).CorrectedAt);
    }
}
