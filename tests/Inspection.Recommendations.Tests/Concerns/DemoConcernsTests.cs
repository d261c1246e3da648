using Inspection.Recommendations.Demo;
using Inspection.Recommendations.Domain.Concerns;
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
        var concerns = store.Concerns;

        Assert.Equal(0, await new DemoConcerns(concerns).RaiseAsync(default));
        Assert.Empty(await concerns.ListAsync(new ConcernQuery(null, true, false), default));
    }
}
