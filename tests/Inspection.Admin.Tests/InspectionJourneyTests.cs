using System.Text;
using System.Text.RegularExpressions;
using Inspection.Admin.Accounts;
using Inspection.Recommendations.V1;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 14's "done when", in the browser only: a lead inspector runs a new inspection of a new provider from the
/// caseload import to publication through the admin's pages and links, with no gRPC call to set anything up (the
/// services are asked only afterwards, to check what the pages did). Every page the journey opens must show no code,
/// field name, internal id or ISO date, must not be a stack of long pages, and each kind of page passes axe once.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed partial class InspectionJourneyTests(AdminFixture admin, ITestOutputHelper output)
{
    private const int TallestPage = PageWords.TallestPage;
    private const int CasesInCaseload = 12;
    private const int CasesInSample = 3;
    private const string HmppsName = "HM Prison and Probation Service";
    private const string FirstRecommendation = "make sure every person on probation has a plan that manages their risk of harm";
    private const string SecondRecommendation = "review national guidance on home visits in domestic abuse cases";

    private readonly List<(string Page, int Height)> _heights = [];
    private readonly HashSet<string> _checkedForAccessibility = [];
    private IPage _page = null!;
    private string _providerName = "";
    private string _inspectionId = "";

    [Fact]
    public async Task A_lead_inspector_runs_an_inspection_from_caseload_import_to_publication_in_the_browser()
    {
        _page = await admin.PageAsAsync(Role.LeadInspector);
        try
        {
            await AddTheProviderAsync();
            await AddTheInspectionAsync();
            await ImportTheCaseloadAsync();
            await SeeThePublishPageListBlockersAsync();
            await DrawTheSampleAsync();
            await AssessEverySampledCaseAsync();
            await JudgeTheOrganisationalStandardsAsync();
            await CheckTheRatingsAsync();
            await AddTwoRecommendationsAsync();
            await SeeNoEarlierRecommendationIsDueAsync();
            await PublishAsync();
            await CheckThePublishedReportAsync();
            await CannotChangeThePublishedInspectionSilentlyAsync();
        }
        finally
        {
            output.WriteLine(string.Join("\n", _heights.Select(h => $"{h.Height,6} px  {h.Page}")));
        }
        var tall = _heights.Where(h => h.Height > TallestPage).ToList();
        Assert.True(tall.Count == 0, $"Pages taller than {TallestPage} px:\n{string.Join("\n", tall.Select(h => $"{h.Height} px {h.Page}"))}");
    }

    // 1. The register: a provider, then its inspection.
    private async Task AddTheProviderAsync()
    {
        _providerName = $"Journey Test PDU {Guid.NewGuid().ToString("N")[..6]}";
        await _page.GotoAsync("/");
        await OnPageAsync("home");
        await _page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Providers", Exact = true }).ClickAsync();
        await OnPageAsync("providers");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Add a provider" }).ClickAsync();
        await OnPageAsync("provider-new");
        await _page.GetByLabel("Name").FillAsync(_providerName);
        await _page.GetByLabel("Probation delivery unit").CheckAsync();
        await _page.GetByLabel("Region or division", new() { Exact = true }).FillAsync("London");   // an existing region, offered in a list (a combobox): a new one asks for a tick (ProviderKeepingTests)
        await _page.GetByRole(AriaRole.Button, new() { Name = "Add the provider" }).ClickAsync();
        Assert.Equal(_providerName, (await _page.Locator("h1").InnerTextAsync()).Trim());
        await OnPageAsync("provider");
    }

    private async Task AddTheInspectionAsync()
    {
        await _page.GetByRole(AriaRole.Link, new() { Name = "Add an inspection" }).ClickAsync();
        await OnPageAsync("inspection-new");
        // The provider just added is chosen already; the framework is picked by its title as the page shows it.
        Assert.StartsWith(_providerName, await _page.Locator("#Input_ProviderId option:checked").InnerTextAsync());
        var framework = _page.GetByLabel("Framework");
        var title = (await framework.Locator("option").AllInnerTextsAsync()).Single(t => t.Contains("2021 to 2023"));
        await framework.SelectOptionAsync(new SelectOptionValue { Label = title });
        await _page.FillDateAsync("Input.FieldworkStart", "6", "6", "2022");
        await _page.FillDateAsync("Input.FieldworkEnd", "17", "6", "2022");
        await _page.GetByLabel("Lead inspector (optional)").FillAsync("Test Lead Inspector");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Add the inspection" }).ClickAsync();
        Assert.Equal($"Inspection of {_providerName} added", (await _page.GetByTestId("notice").InnerTextAsync()).Trim());
        _inspectionId = new Uri(_page.Url).Segments.Last();
        Assert.Contains("6 June 2022 to 17 June 2022", await _page.Locator("main").InnerTextAsync());
        await OnPageAsync("inspection");
    }

    // 2. The caseload, from the page's own CSV template, then the sample.
    private async Task ImportTheCaseloadAsync()
    {
        await OpenTaskAsync("sample", "Draw the case sample");
        Assert.Equal(1, await _page.GetByTestId("no-sample").CountAsync());
        await OnPageAsync("sample-empty");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Import a caseload" }).ClickAsync();
        // The columns table documents the file format itself: its column names and values are what staff type in the file.
        await OnPageAsync("caseload-import", except: "[data-testid=columns]");

        var download = await _page.RunAndWaitForDownloadAsync(() => _page.GetByTestId("template").ClickAsync());
        var template = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        var file = Path.Combine(Path.GetTempPath(), $"journey-caseload-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, Caseload(template[0], template[1]));
        try
        {
            await _page.FillDateAsync("TakenOn", "1", "12", "2021");
            await _page.GetByLabel("Description (optional)").FillAsync("Caseload at the start of December 2021");
            await _page.GetByLabel("Caseload CSV file").SetInputFilesAsync(file);
            await _page.GetByRole(AriaRole.Button, new() { Name = "Import caseload" }).ClickAsync();
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal($"Imported {CasesInCaseload} cases as caseload snapshot version 1", (await _page.GetByTestId("notice").InnerTextAsync()).Trim());
        await OnPageAsync("sample-caseload-imported");
    }

    /// <summary>12 cases from the template's header: its example row with the case reference, sentence type, start date and gender varied.</summary>
    private static string Caseload(string header, string example)
    {
        var columns = header.Split(',');
        var values = example.Split(',');
        Assert.Equal(columns.Length, values.Length);
        string[] sentences = ["community_order", "licence", "suspended_sentence_order"];
        var csv = new StringBuilder(header).Append('\n');
        for (var i = 0; i < CasesInCaseload; i++)
        {
            var row = (string[])values.Clone();
            void Set(string column, string value) => row[Array.IndexOf(columns, column)] = value;
            Set("case_reference", $"J{i + 1:000}");
            Set("sentence_type", sentences[i % 3]);
            Set("start_date", $"2021-11-{1 + 2 * i:00}");
            Set("gender", i % 4 == 0 ? "female" : "male");
            // The example's unpaid work fits community sentences only.
            if (sentences[i % 3] == "licence") Set("unpaid_work_requirement", "no");
            if (sentences[i % 3] == "licence") Set("unpaid_work_only", "no");
            csv.Append(string.Join(",", row)).Append('\n');
        }
        return csv.ToString();
    }

    // 8, first part: publishing an unfinished inspection is not offered; the page says why in words.
    private async Task SeeThePublishPageListBlockersAsync()
    {
        await BackToTheInspectionAsync();
        await OpenTaskAsync("publish", "Publish");
        await OnPageAsync("report-preview-draft");
        await _page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Publish", Exact = true }).ClickAsync();
        Assert.Equal("You cannot publish the inspection yet", (await _page.Locator("h1").InnerTextAsync()).Trim());
        var blockers = await _page.GetByTestId("publish-blockers").Locator("li").AllInnerTextsAsync();
        Assert.Contains("No case sample has been drawn", blockers);
        Assert.Contains(blockers, b => b.StartsWith("1.1 Leadership", StringComparison.Ordinal));
        Assert.Equal(0, await _page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).CountAsync());
        await OnPageAsync("publish-blocked");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Go to the inspection's tasks" }).ClickAsync();
        // The task list says the same in a sentence.
        Assert.Contains("No case sample has been drawn", await _page.Locator("[data-task=ratings]").InnerTextAsync());
        await OnPageAsync("inspection");
    }

    private async Task DrawTheSampleAsync()
    {
        await OpenTaskAsync("sample", "Draw the case sample");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Sample size calculator" }).ClickAsync();
        Assert.Contains($"{CasesInCaseload} cases", await _page.GetByTestId("filled-from").InnerTextAsync());
        await _page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();
        Assert.EndsWith(" cases", (await _page.Locator("[data-testid=sample-size] h2").InnerTextAsync()).Trim());
        await OnPageAsync("sample-size");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Back to the case sample" }).ClickAsync();

        await _page.GetByTestId("draw").ClickAsync();
        await OnPageAsync("sample-draw");
        await _page.FillDateAsync("Input.Windows[0].From", "1", "11", "2021");
        await _page.FillDateAsync("Input.Windows[0].To", "30", "11", "2021");
        await _page.GetByLabel("A fixed number of cases").CheckAsync();
        await _page.GetByLabel("Number of cases", new() { Exact = true }).FillAsync(CasesInSample.ToString());
        await _page.GetByLabel("Sentence type", new() { Exact = true }).CheckAsync();
        await _page.GetByLabel("Seed (optional)").FillAsync("2022");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        Assert.Equal($"Sample drawn: {CasesInSample} cases with seed 2022", (await _page.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.Equal(CasesInSample, await _page.Locator("[data-testid=sample-cases] tbody tr").CountAsync());
        Assert.Contains("Caseload snapshot version 1", await _page.GetByTestId("sample-summary").InnerTextAsync());
        await OnPageAsync("sample");

        await _page.GetByRole(AriaRole.Link, new() { Name = "Composition of the sample against the population" }).ClickAsync();
        Assert.Contains($"{CasesInSample} sampled cases against {CasesInCaseload} eligible cases", await _page.Locator("main").InnerTextAsync());
        Assert.Contains("Licence", await _page.GetByTestId("composition-sentence_type").InnerTextAsync());
        await OnPageAsync("sample-composition");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Back to the case sample" }).ClickAsync();
        await BackToTheInspectionAsync();
    }

    // 3. Every sampled case, standard by standard.
    private async Task AssessEverySampledCaseAsync()
    {
        await OpenTaskAsync("assessments", "Assess the sampled cases");
        Assert.Equal($"0 of {CasesInSample} cases assessed, 0 in progress", (await _page.GetByTestId("assessment-progress").InnerTextAsync()).Trim());
        await OnPageAsync("assessments");
        var cases = await _page.Locator("[data-testid=assessment-cases] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.case)");
        Assert.Equal(CasesInSample, cases.Length);
        Assert.All(cases, c => Assert.Matches("^J0[01][0-9]$", c));

        await _page.GetByRole(AriaRole.Link, new() { Name = cases[0], Exact = true }).ClickAsync();
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal($"Assess case {cases[i]}", (await _page.Locator("h1").InnerTextAsync()).Trim());
            await OnPageAsync($"case {cases[i]}", type: "case");
            await AssessCaseAsync(cases[i]);
            Assert.Equal("6 of 6 standards completed", (await _page.GetByTestId("standards-progress").InnerTextAsync()).Trim());
            await OnPageAsync($"case {cases[i]} assessed", type: "case");
            if (i + 1 < cases.Length) await _page.GetByRole(AriaRole.Link, new() { Name = $"Next case ({cases[i + 1]})" }).ClickAsync();
        }
        await _page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Back to case assessments" }).First.ClickAsync();
        Assert.Equal($"{CasesInSample} of {CasesInSample} cases assessed, 0 in progress", (await _page.GetByTestId("assessment-progress").InnerTextAsync()).Trim());
        await OnPageAsync("assessments-complete", type: "assessments");
        await BackToTheInspectionAsync();
        Assert.Contains($"{CasesInSample} of {CasesInSample} cases assessed", await _page.Locator("[data-task=assessments]").InnerTextAsync());
    }

    private async Task AssessCaseAsync(string caseReference)
    {
        await _page.GetByRole(AriaRole.Link, new() { Name = "Start assessment" }).ClickAsync();
        await _page.GetByLabel("Probation officer (PO)").CheckAsync();
        await OnPageAsync($"grade {caseReference}", type: "grade");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        for (var standard = 1; ; standard++)
        {
            Assert.EndsWith($"Standard {standard} of 6", (await _page.GetByTestId("assessment-position").InnerTextAsync()).Trim());
            // Every question of the page: Yes where it may be answered Yes, else the one answer it offers (Not applicable).
            foreach (var question in await _page.Locator("form [data-question]").AllAsync())
            {
                var yes = question.GetByLabel("Yes", new() { Exact = true });
                if (await yes.CountAsync() == 1) await yes.CheckAsync();
                else await question.Locator("input[type=radio]").First.CheckAsync();
            }
            await OnPageAsync($"case {caseReference} standard {standard}", type: "standard");
            var finish = _page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" });
            if (await finish.CountAsync() == 1)
            {
                await finish.ClickAsync();
                break;
            }
            await _page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        }
        Assert.EndsWith($"/assessments/{caseReference}", _page.Url);
    }

    // 4. Domain one: evidence and a final judgement of each standard, within what the decision rules allow.
    private async Task JudgeTheOrganisationalStandardsAsync()
    {
        await OpenTaskAsync("evidence", "Organisational evidence and judgements");
        await OnPageAsync("evidence");
        var standards = await _page.Locator("section[data-standard]").EvaluateAllAsync<string[]>("sections => sections.map(s => s.dataset.standard)");
        Assert.NotEmpty(standards);
        foreach (var standard in standards)
        {
            await _page.GetByRole(AriaRole.Link, new() { Name = "Add evidence" }).ClickAsync();
            await OnPageAsync($"evidence add {standard}", type: "evidence-add");
            var target = _page.GetByLabel("Standard or key question");
            var label = (await target.Locator("option").AllInnerTextsAsync()).First(o => o.StartsWith(standard + " ", StringComparison.Ordinal));
            await target.SelectOptionAsync(new SelectOptionValue { Label = label });
            await _page.GetByLabel("Source").SelectOptionAsync(new SelectOptionValue { Label = "Manager meeting" });
            await _page.FillDateAsync("Input.Date", "8", "6", "2022");
            await _page.GetByLabel("What the evidence shows").FillAsync($"Managers described how standard {standard} is met and showed the plans behind it");
            await _page.GetByLabel("Strength").CheckAsync();
            await _page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
            Assert.Equal("Evidence added", (await _page.GetByTestId("notice").InnerTextAsync()).Trim());

            await _page.Locator($"section[data-standard='{standard}']").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record the judgement") }).ClickAsync();
            var rating = await RatingTheRulesAllowAsync();
            await OnPageAsync($"judgement {standard}", type: "judgement");
            await _page.GetByLabel(rating, new() { Exact = true }).CheckAsync();
            await _page.GetByLabel("Rationale").FillAsync($"The evidence on standard {standard} supports a rating of {rating}.");
            await _page.GetByLabel("Final").CheckAsync();
            await _page.GetByRole(AriaRole.Button, new() { Name = "Save judgement" }).ClickAsync();
            Assert.Contains($"recorded: {rating}", await _page.GetByTestId("notice").InnerTextAsync());
            Assert.Contains("Final", await _page.Locator($"section[data-standard='{standard}'] [data-testid=judgement]").InnerTextAsync());
            await OnPageAsync($"evidence after {standard}", type: "evidence");
        }
        await BackToTheInspectionAsync();
        Assert.Contains($"{standards.Length} of {standards.Length} domain-one standards judged (final)", await _page.Locator("[data-task=evidence]").InnerTextAsync());
    }

    /// <summary>Good, unless a rule in force on the page allows (cap) or suggests (default) otherwise: then the first it names.</summary>
    private async Task<string> RatingTheRulesAllowAsync()
    {
        foreach (var kind in new[] { "cap", "default" })
        {
            foreach (var rule in await _page.GetByTestId("rules").Locator($"[data-rule={kind}]").AllInnerTextsAsync())
            {
                var named = Regex.Match(rule, @"(?:Allows|Suggests): (.+)$", RegexOptions.Multiline);
                if (rule.Contains("(in force)") && named.Success) return named.Groups[1].Value.Split(" or ")[0].Trim();
            }
        }
        return "Good";
    }

    // 5. The ratings: every standard rated and the overall rating decided.
    private async Task CheckTheRatingsAsync()
    {
        await OpenTaskAsync("ratings", "Ratings");
        var overall = (await _page.Locator("[data-testid=overall] h2").InnerTextAsync()).Trim();
        Assert.StartsWith("Overall rating: ", overall);
        Assert.DoesNotContain("not yet decided", overall);
        Assert.Equal(0, await _page.GetByTestId("blockers").CountAsync());
        Assert.Contains($"Computed from {CasesInSample} case assessments", await _page.Locator("main").InnerTextAsync());
        await OnPageAsync("ratings");
        await BackToTheInspectionAsync();
        Assert.Contains("Completed", await _page.Locator("[data-task=ratings]").InnerTextAsync());
        Assert.Contains("Overall: ", await _page.Locator("[data-task=ratings]").InnerTextAsync());
    }

    // 6. Two recommendations, to the provider and to HM Prison and Probation Service.
    private async Task AddTwoRecommendationsAsync()
    {
        await _page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Add recommendations" }).ClickAsync();
        await OnPageAsync("recommendations-add");
        var first = _page.Locator("[data-row='0']");
        await first.GetByLabel("Addressed to").SelectOptionAsync(new SelectOptionValue { Label = $"{_providerName} (the provider)" });
        await first.GetByLabel("They should").FillAsync(FirstRecommendation);
        var second = _page.Locator("[data-row='1']");
        var hmpps = (await second.Locator("select option").AllInnerTextsAsync()).Single(o => o.StartsWith(HmppsName, StringComparison.Ordinal));
        await second.GetByLabel("Addressed to").SelectOptionAsync(new SelectOptionValue { Label = hmpps });
        await second.GetByLabel("They should").FillAsync(SecondRecommendation);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Add recommendations" }).ClickAsync();
        Assert.Equal("2 recommendations added, numbered 1 to 2", (await _page.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.Contains("2 recommendations made", await _page.Locator("[data-task=recommendations]").InnerTextAsync());
        await OnPageAsync("inspection");

        await OpenTaskAsync("recommendations", "Recommendations");
        var listed = await _page.GetByTestId("recommendations").InnerTextAsync();
        Assert.Contains(FirstRecommendation, listed);
        Assert.Contains(SecondRecommendation, listed);
        Assert.Contains("Recommendation 1, not yet published", listed);
        await OnPageAsync("recommendations-of-the-inspection");
        await _page.GetByRole(AriaRole.Link, new() { Name = $"{_providerName} should: {FirstRecommendation}" }).ClickAsync();
        Assert.Contains($"Inspection of {_providerName}, not yet published", await _page.Locator("main").InnerTextAsync());
        await OnPageAsync("recommendation");
        await BackToTheInspectionAsync();
    }

    // 7. A new provider has no earlier recommendation to judge.
    private async Task SeeNoEarlierRecommendationIsDueAsync()
    {
        await OpenTaskAsync("progress", "Progress against previous recommendations");
        Assert.Contains($"No earlier recommendation to {_providerName} or its predecessors is due for judgement.", await _page.Locator("main").InnerTextAsync());
        await OnPageAsync("progress");
        await BackToTheInspectionAsync();
    }

    // 8. Check, publish, confirmation.
    private async Task PublishAsync()
    {
        await OpenTaskAsync("publish", "Publish");
        await OnPageAsync("report-preview-draft");
        await _page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Publish", Exact = true }).ClickAsync();
        Assert.Equal("Check the inspection before you publish it", (await _page.Locator("h1").InnerTextAsync()).Trim());
        var answers = await _page.GetByTestId("check-answers").InnerTextAsync();
        Assert.Contains($"{CasesInSample} of {CasesInSample} sampled cases assessed in full", answers);
        Assert.Contains("2 recommendations made", answers);
        Assert.Contains("None was due", answers);
        await OnPageAsync("publish-check-answers");
        await _page.FillDateAsync("PublishedOn", "1", "9", "2022");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        Assert.Equal("Inspection published", (await _page.Locator(".govuk-panel__title").InnerTextAsync()).Trim());
        Assert.Contains("Published 1 September 2022", await _page.GetByTestId("published-panel").InnerTextAsync());
        await OnPageAsync("published");
        var tracking = admin.Tracking.CreateClient<RecommendationTracking.RecommendationTrackingClient>();
        var inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = _inspectionId });
        Assert.Equal(("published", "2022-09-01", 2), (inspection.Status, inspection.PublishedOn, inspection.RecommendationCount));
    }

    private async Task CheckThePublishedReportAsync()
    {
        await _page.GetByRole(AriaRole.Link, new() { Name = "View the published report" }).ClickAsync();
        var main = await _page.Locator("main").InnerTextAsync();
        Assert.Contains("Published 1 September 2022.", main);
        var overall = (await _page.Locator("[data-testid=overall] h2").InnerTextAsync()).Trim();
        Assert.StartsWith("Overall rating: ", overall);
        Assert.DoesNotContain("not yet decided", overall);
        var rated = await _page.Locator("[data-testid=standard-ratings] tbody tr[data-standard] .govuk-tag").AllInnerTextsAsync();
        Assert.NotEmpty(rated);
        var recommendations = await _page.GetByTestId("report-recommendations").AllInnerTextsAsync();
        Assert.Equal(2, recommendations.Count);
        Assert.Contains(FirstRecommendation, recommendations[0]);
        Assert.Contains(SecondRecommendation, recommendations[1]);
        var addressees = (await _page.Locator("h3:has(+ [data-testid=report-recommendations])").AllInnerTextsAsync()).Select(h => h.Trim()).ToList();
        Assert.Equal(2, addressees.Count);
        Assert.Equal($"{_providerName} should:", addressees[0]);
        Assert.Matches($"^{Regex.Escape(HmppsName)}.* should:$", addressees[1]);
        await OnPageAsync("report-published");
    }

    // The done-when's last words: a published inspection does not change without a correction and its reason.
    private async Task CannotChangeThePublishedInspectionSilentlyAsync()
    {
        await BackToTheInspectionAsync();
        Assert.Contains("Published 1 September 2022", await _page.Locator("main").InnerTextAsync());
        await OpenTaskAsync("evidence", "Organisational evidence and judgements");
        var judgement = _page.Locator("section[data-standard='1.1'] [data-testid=judgement]");
        var before = await judgement.InnerTextAsync();
        await _page.Locator("section[data-standard='1.1']").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record the judgement") }).ClickAsync();
        Assert.Contains("This inspection was published on 1 September 2022", await _page.GetByTestId("correction-warning").InnerTextAsync());
        var other = (await _page.Locator("input[name='Input.Rating']:not(:checked)").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"))[0];
        await _page.GetByLabel(other, new() { Exact = true }).CheckAsync();
        await _page.GetByLabel("Rationale").FillAsync("A second look at the evidence.");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save judgement" }).ClickAsync();
        Assert.Equal(["Enter the reason for the correction"], (await _page.Locator(".govuk-error-summary li").AllInnerTextsAsync()).Select(e => e.Trim()));
        await OnPageAsync("judgement-correction-needs-reason", type: "judgement-error");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Back to organisational evidence" }).ClickAsync();
        Assert.Equal(before, await judgement.InnerTextAsync());
    }

    private async Task BackToTheInspectionAsync()
    {
        if (new Uri(_page.Url).AbsolutePath == $"/inspections/{_inspectionId}") return;
        await _page.Locator(".govuk-breadcrumbs, main").GetByRole(AriaRole.Link, new() { Name = $"Inspection of {_providerName}", Exact = true }).First.ClickAsync();
        Assert.Equal($"/inspections/{_inspectionId}", new Uri(_page.Url).AbsolutePath);
    }

    private async Task OpenTaskAsync(string task, string name)
    {
        await BackToTheInspectionAsync();
        await _page.Locator($"[data-task={task}]").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
    }

    /// <summary>
    /// What every page of the journey must be: no code, field name, internal id or ISO date in its main content, no
    /// taller than <see cref="TallestPage"/>, and (once per kind of page) accessible.
    /// </summary>
    private async Task OnPageAsync(string name, string? type = null, string? except = null)
    {
        // Parsed, and (the layout's module script waits for them) its style sheets applied, so the height is the real one.
        await _page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var main = _page.Locator("main");
        var text = await main.InnerTextAsync();
        if (except is not null)
            foreach (var part in await main.Locator(except).AllInnerTextsAsync()) text = text.Replace(part, "");
        var found = PageWords.CodesIn(text);
        Assert.True(found.Count == 0, $"The page {name} ({_page.Url}) shows {string.Join(", ", found.Select(f => $"\"{f}\""))}:\n{text}");
        _heights.Add((name, await _page.EvaluateAsync<int>("() => document.body.scrollHeight")));
        if (_checkedForAccessibility.Add(type ?? name))
        {
            await AxeCore.AssertAccessibleAsync(_page);
            await admin.ScreenshotAsync(_page, "journey-" + (type ?? name).Replace(' ', '-'));
        }
    }
}
