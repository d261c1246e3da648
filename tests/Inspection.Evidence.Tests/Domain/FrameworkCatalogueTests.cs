using Inspection.Evidence.Tests.Support;
using Xunit;
using Inspection.Evidence.Domain.Frameworks;

namespace Inspection.Evidence.Tests.Domain;

public sealed class FrameworkCatalogueTests
{
    private static readonly FrameworkCatalogue Catalogue = FrameworkCatalogue.Default;

    [Theory]
    [InlineData("nps-division-2018")]
    [InlineData("pdu-2021-2023")]
    [InlineData("pdu-2024")]
    public void Domain_one_standards_and_key_questions_are_those_of_frameworks_json(string frameworkId)
    {
        var json = ReferenceData.Framework(frameworkId).GetProperty("domains")[0].GetProperty("standards");
        var framework = Catalogue.Get(frameworkId);

        Assert.Equal(json.EnumerateArray().Select(s => s.GetProperty("id").GetString()), framework.Standards.Select(s => s.Id));
        foreach (var standard in json.EnumerateArray())
        {
            var loaded = framework.FindStandard(standard.GetProperty("id").GetString()!)!;
            Assert.Equal(standard.GetProperty("name").GetString(), loaded.Name);
            Assert.Equal(
                standard.GetProperty("key_questions").EnumerateArray().Select(k => (k.GetProperty("id").GetString(), k.GetProperty("text").GetString())),
                loaded.KeyQuestions.Select(k => ((string?)k.Id, (string?)k.Text)));
        }
    }

    [Fact]
    public void The_2024_programme_prints_no_key_questions_so_evidence_attaches_to_the_standard()
    {
        var framework = Catalogue.Get("pdu-2024");
        Assert.Equal(["P1.1", "P1.2", "P1.3"], framework.Standards.Select(s => s.Id));
        Assert.All(framework.Standards, s => Assert.Empty(s.KeyQuestions));
    }

    [Fact]
    public void Case_standards_are_not_domain_one_standards()
    {
        var framework = Catalogue.Get("pdu-2021-2023");
        Assert.Null(framework.FindStandard("2.1"));
        Assert.Null(framework.FindStandard("2.6"));
    }

    [Fact]
    public void Rating_words_are_the_scored_words_without_the_court_work_not_applicable()
    {
        var json = ReferenceData.Framework("pdu-2021-2023");
        var published = json.GetProperty("rating_words").EnumerateArray().Select(w => w.GetString()!).ToList();
        var framework = Catalogue.Get("pdu-2021-2023");

        Assert.Contains("Not applicable (court work only)", published);
        Assert.DoesNotContain("Not applicable (court work only)", framework.RatingWords);
        Assert.Equal(published.Where(w => !w.StartsWith("Not applicable", StringComparison.Ordinal)), framework.RatingWords);
    }

    [Fact]
    public void The_2008_framework_judges_its_section_4_criteria_on_the_four_point_scale()
    {
        var framework = Catalogue.Get("omi-2008");
        var scale = ReferenceData.Framework("omi-2008").GetProperty("scoring").GetProperty("section4_scale").EnumerateArray().Select(w => w.GetString()!);

        Assert.Equal(["4.1", "4.2", "4.3", "4.4", "4.5", "4.6"], framework.Standards.Select(s => s.Id));
        Assert.Equal(scale, framework.RatingWords);
    }

    [Fact]
    public void A_standard_keeps_its_evidence_subsections()
    {
        var services = Catalogue.Get("pdu-2021-2023").FindStandard("1.3")!;
        Assert.Contains("Resettlement", services.EvidenceSubsections);
    }
}
