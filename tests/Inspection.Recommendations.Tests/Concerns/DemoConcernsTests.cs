using Inspection.Data;
using Inspection.Recommendations.Application;
using Inspection.Recommendations.Data;
using Inspection.Recommendations.Demo;
using Inspection.Recommendations.Domain.Concerns;
using Inspection.Recommendations.Domain.Frameworks;
using Inspection.Testing;
using Xunit;

namespace Inspection.Recommendations.Tests.Concerns;

/// <summary>
/// The reference inspections keep only what was published: evaluated after the demo load, they flag no real
/// organisation (their plans were due, and their judgements made, before any rule came into force), however often it runs.
/// </summary>
public sealed class DemoConcernsTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task The_reference_inspections_raise_no_cause_for_concern()
    {
        var store = await UseCases.OverAsync(database.DataSource);
        await new DemoData(store.Register, store.Calendar, store.Records, store.Progress, UseCases.Frameworks).LoadAsync(ReferenceData.ReferenceInspectionsPath, default);
        var db = new Database(database.DataSource);
        var concerns = new CausesForConcern(new ConcernStore(db), new ConcernFactStore(), new PlanStore(db), FrameworkOutline.Load(), ConcernRuleBook.Load(),
            new RequestLedger(db), db, TimeProvider.System);

        Assert.Equal(0, await new DemoConcerns(concerns).RaiseAsync(default));
        Assert.Empty(await concerns.ListAsync(new ConcernQuery(null, true, false), default));
    }
}
