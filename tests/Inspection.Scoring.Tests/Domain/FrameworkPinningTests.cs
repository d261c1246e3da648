using System.Text.Json.Nodes;
using Inspection.Scoring.Application;
using Inspection.Scoring.Data;
using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>An inspection computes under the framework version it was pinned to, even after the data file changes.</summary>
public sealed class FrameworkPinningTests
{
    [Fact]
    public void A_pinned_version_is_read_back_from_its_stored_definition_when_the_loaded_file_differs()
    {
        var current = Frameworks.Pdu2021;
        var earlier = JsonNode.Parse(current.DefinitionJson)!.AsObject();
        earlier["question_bands"]![1]!["min_pct"] = 55;
        var earlierFramework = FrameworkReader.Read(earlier);
        var resolver = new FrameworkResolver(Frameworks.Catalog);

        var pinnedToCurrent = resolver.ForPinned(new PinnedInspection("i1", current.Id, current.Version, PinnedInspection.CaseAssessments, current.DefinitionJson));
        var pinnedToEarlier = resolver.ForPinned(new PinnedInspection("i2", current.Id, earlierFramework.Version, PinnedInspection.CaseAssessments, earlierFramework.DefinitionJson));

        Assert.Same(current, pinnedToCurrent);
        Assert.Equal(earlierFramework.Version, pinnedToEarlier.Version);
        Assert.Equal(55, pinnedToEarlier.QuestionBands[1].MinPct);
        Assert.Equal(50, current.QuestionBands[1].MinPct);
    }
}
