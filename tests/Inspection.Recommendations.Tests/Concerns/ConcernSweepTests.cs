using Inspection.Recommendations.Application;
using Inspection.Recommendations.Domain.Concerns;
using Inspection.Recommendations.Domain.Inspections;
using Inspection.Recommendations.Domain.Providers;
using Inspection.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Concerns;

/// <summary>
/// The sweep over a database, its clock a FakeTimeProvider: an improvement plan still missing is flagged on the day it
/// is eight weeks late and not the day before (no write brings that about, only time), and two replicas sweeping at
/// once raise the flag once.
/// </summary>
public sealed class ConcernSweepTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    // 22:00 UTC on 24 August 2025 is 23:00 in England (British Summer Time): still the 24th.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 8, 24, 22, 0, 0, TimeSpan.Zero));
    private UseCases _store = null!;

    public async Task InitializeAsync() => _store = await UseCases.OverAsync(database.DataSource, _clock);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_plan_eight_weeks_late_is_flagged_by_the_sweep_on_that_day_in_England_and_two_sweeps_at_once_raise_it_once()
    {
        var provider = await PublishedWithoutPlanAsync();
        var sweep = new ConcernSweep(_store.Concerns, null!, _clock, null!, NullLogger<ConcernSweep>.Instance);

        Assert.Equal(0, await sweep.SweepOnceAsync(default));   // 24 August: eight weeks less a day after 30 June
        _clock.Advance(TimeSpan.FromMinutes(90));                // 23:30 UTC, 00:30 on 25 August in England

        var raised = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => sweep.SweepOnceAsync(default))));

        Assert.Equal(1, raised.Sum());
        var concern = Assert.Single(await _store.Concerns.ListAsync(new ConcernQuery(provider, false, false), default));
        Assert.Equal(("improvement-plan-missing", new DateOnly(2025, 8, 25)), (concern.RuleId, concern.MetOn));
    }

    private async Task<Guid> PublishedWithoutPlanAsync()
    {
        var name = $"Sweep PDU {Guid.NewGuid():N}";
        var provider = (await _store.Register.CreateAsync(name, NewProvider.Create(name, "pdu", "Wales", null, null, "t"), default)).Value;
        var inspection = (await _store.Calendar.CreateAsync(Guid.NewGuid().ToString(),
            NewInspection.Create(provider.Id.ToString(), "pdu-2024", "2025-03-03", "2025-03-14", "", "t", UseCases.Frameworks), default)).Value;
        await _store.Calendar.RecordEarlierPublicationAsync(Guid.NewGuid().ToString(),
            InspectionPublication.Create(inspection.Id.ToString(), "2025-06-02", "t"), inspection.Version, default);
        return provider.Id;
    }
}
