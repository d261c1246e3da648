using System.Text.Json;
using Inspection.Domain;
using Inspection.Recommendations.Domain.Frameworks;
using Inspection.Recommendations.Domain.Inspections;

using Xunit;

namespace Inspection.Recommendations.Tests;

public sealed class FrameworkCatalogueTests
{
    private static readonly FrameworkCatalogue Catalogue = FrameworkCatalogue.Load();

    [Fact]
    public void Knows_every_framework_of_frameworks_json()
    {
        using var frameworks = JsonDocument.Parse(DomainData.OpenFrameworks());
        var ids = frameworks.RootElement.EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();

        Assert.Equal(ids, Catalogue.FrameworkIds);
        Assert.Contains("pdu-2021-2023", ids);
    }

    [Fact]
    public void Every_published_judgement_word_is_on_the_scale_and_sufficient_progress_closes()
    {
        var scale = Catalogue.ProgressScaleFor(ReferenceData.AnnexInspection.Text("framework"));

        Assert.Equal(["No progress", "Some progress", "Sufficient progress"], scale.Words);
        Assert.All(ReferenceData.Annex, a => Assert.Contains(a.Judgement, scale.Words));
        Assert.True(scale.Closes("Sufficient progress"));
        Assert.False(scale.Closes("Some progress"));
    }

    [Fact]
    public void A_word_off_the_scale_is_refused_naming_the_field()
    {
        var scale = Catalogue.ProgressScaleFor("pdu-2021-2023");
        var violations = new List<FieldViolation>();

        Assert.Null(scale.Parse("Good progress", "judgement", violations));
        var violation = Assert.Single(violations);
        Assert.Equal("judgement", violation.Field);
        Assert.Contains("Sufficient progress", violation.Description);
        // Spelling is exact: the words travel as frameworks spell them.
        Assert.Null(scale.Parse("no progress", "judgement", violations));
    }

    [Fact]
    public void Improvement_plan_falls_due_four_weeks_after_publication()
    {
        // The 2008 report: "an improvement plan addressing the recommendations is due four weeks after publication".
        var area = ReferenceData.Inspections.Single(i => i.TryGetProperty("next_steps", out _));
        Assert.Contains("four weeks", area.Text("next_steps"));
        var rule = Catalogue.ImprovementPlanFor(area.Text("framework"));

        Assert.Equal(4, rule.WeeksAfterPublication);
        Assert.Equal(new DateOnly(2008, 9, 29), rule.DueDate(new DateOnly(2008, 9, 1)));
        Assert.Equal(ImprovementPlanRule.DefaultWeeks, Catalogue.ImprovementPlanFor("pdu-2024").WeeksAfterPublication);
    }

    [Fact]
    public void A_framework_entry_carrying_its_own_rules_overrides_the_defaults()
    {
        using var frameworks = new MemoryStream("""[{"id":"x-2030","name":"X","progress_scale":["Not met","Met"],"improvement_plan_due_weeks":6}]"""u8.ToArray());
        using var rules = new MemoryStream("""{"default":{"progress_scale":["No progress","Sufficient progress"],"improvement_plan_due_weeks":4}}"""u8.ToArray());
        var catalogue = FrameworkCatalogue.Load(frameworks, rules);

        Assert.Equal(["Not met", "Met"], catalogue.ProgressScaleFor("x-2030").Words);
        Assert.Equal("Met", catalogue.ProgressScaleFor("x-2030").ClosingWord);
        Assert.Equal(6, catalogue.ImprovementPlanFor("x-2030").WeeksAfterPublication);
    }

    [Fact]
    public void An_unknown_framework_id_is_refused_listing_the_known_ones()
    {
        var ex = Assert.Throws<ValidationException>(() =>
            NewInspection.Create(Guid.NewGuid().ToString(), "pdu-2019", "2022-06-06", "", "", "tester", Catalogue));
        var violation = Assert.Single(ex.Violations);
        Assert.Equal("framework_id", violation.Field);
        Assert.Contains("pdu-2021-2023", violation.Description);
    }
}
