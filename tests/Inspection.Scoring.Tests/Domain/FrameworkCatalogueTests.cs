using System.Text.Json.Nodes;
using Inspection.Domain;
using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Tests.Domain;

public sealed class FrameworkCatalogueTests
{
    [Fact]
    public void The_four_frameworks_load_from_the_data_files()
    {
        Assert.Equal(["nps-division-2018", "omi-2008", "pdu-2021-2023", "pdu-2024"], Frameworks.Catalog.All.Select(f => f.Id));
        Assert.Throws<NotFoundException>(() => Frameworks.Catalog.Get("pdu-2030"));
    }

    [Fact]
    public void Prompts_are_numbered_with_their_markers()
    {
        var framework = Frameworks.Pdu2021;

        var prompt = framework.FindPrompt("2.4.2.p3")!;
        Assert.Equal("* **", prompt.Marker);
        Assert.True(prompt.NotInUnpaidWorkOnly);
        Assert.True(prompt.NotEveryCase);
        Assert.Equal("2.4.2", prompt.KeyQuestionId);
        Assert.Equal(63, framework.Standards.SelectMany(s => s.KeyQuestions).Sum(k => k.Prompts.Count));

        var postCustody = framework.FindPrompt("2.4.pc1")!;
        Assert.True(postCustody.IsPostCustodyPrompt);
        Assert.True(postCustody.PostCustodyOnly);
        Assert.Equal("2.4", postCustody.StandardId);
    }

    [Fact]
    public void Outcomes_is_a_case_standard_that_is_never_rated_and_domain_one_is_judged()
    {
        var framework = Frameworks.Pdu2021;

        var outcomes = framework.FindStandard("2.6")!;
        Assert.True(outcomes.IsCaseStandard);
        Assert.False(outcomes.Rated);
        Assert.False(outcomes.IsRatedFromCases);
        Assert.True(framework.FindStandard("1.1")!.IsJudged);
        Assert.False(framework.FindStandard("1.1")!.IsCaseStandard);
        Assert.True(framework.FindStandard("2.1")!.Optional);
        Assert.Equal("court_report", framework.FindKeyQuestion("2.1.1")!.CaseAttribute);
        Assert.Equal(14, framework.CaseKeyQuestions.Count());
    }

    [Fact]
    public void Relevant_subsample_key_questions_are_scoped_to_the_risk_of_harm_sub_sample()
    {
        var framework = Frameworks.Nps2018;

        Assert.Equal(["2.2.3", "2.3.3", "2.4.3"], framework.KeyQuestions.Where(k => k.RelevantSubsampleOnly).Select(k => k.Id));
        Assert.All(framework.KeyQuestions.Where(k => k.RelevantSubsampleOnly), k => Assert.Equal("rosh_relevant", k.CaseAttribute));
        Assert.Equal("statutory_victim_contact", framework.FindKeyQuestion("3.2.3")!.CaseAttribute);
    }

    [Fact]
    public void The_2008_framework_carries_criteria_only()
    {
        var framework = Frameworks.Omi2008;

        Assert.False(framework.SupportsCaseAssessments);
        Assert.Null(framework.Overall);
        Assert.Equal(["Well met", "Satisfactorily met", "Partly met", "Not met"], framework.OmiScoring!.Section4Scale);
        Assert.Equal(14, framework.Standards.Count(s => s.Method == RatingMethod.Average8020));
    }

    [Fact]
    public void A_version_is_the_hash_of_the_definition_so_a_changed_file_is_a_new_version()
    {
        var framework = Frameworks.Pdu2021;
        var reread = FrameworkReader.FromDefinition(framework.DefinitionJson);
        var changed = JsonNode.Parse(framework.DefinitionJson)!.AsObject();
        changed["question_bands"]![1]!["min_pct"] = 55;

        Assert.Equal(64, framework.Version.Length);
        Assert.Equal(framework.Version, reread.Version);
        Assert.NotEqual(framework.Version, FrameworkReader.Read(changed).Version);
        Assert.Equal(55, FrameworkReader.Read(changed).QuestionBands[1].MinPct);
    }

    [Fact]
    public void A_new_programme_is_a_new_data_file()
    {
        var directory = Directory.CreateTempSubdirectory("frameworks-");
        try
        {
            foreach (var file in Directory.GetFiles(DomainData.FrameworksFolder)) File.Copy(file, Path.Combine(directory.FullName, Path.GetFileName(file)));
            var programme = JsonNode.Parse(Frameworks.Pdu2024.DefinitionJson)!.AsObject();
            programme["id"] = "pdu-2026";
            programme["years"] = "2026";
            File.WriteAllText(Path.Combine(directory.FullName, "pdu-2026.json"), programme.ToJsonString());

            var catalog = FrameworkCatalogue.Load(directory.FullName);

            Assert.Equal(5, catalog.All.Count);
            Assert.Equal("2026", catalog.Get("pdu-2026").Years);
            Assert.Equal(Frameworks.Pdu2024.CaseKeyQuestions.Count(), catalog.Get("pdu-2026").CaseKeyQuestions.Count());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
