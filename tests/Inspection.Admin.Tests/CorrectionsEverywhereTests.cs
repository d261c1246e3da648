using Inspection.Admin.Accounts;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 22, corrections everywhere the publication lock applies: a published inspection's case assessment is corrected
/// with a reason (it could not be: the page said to give one and had no field), and a walk over the admin's own route
/// table finds every page that posts, so none is missed: each page that edits what the lock protects shows, for a
/// published inspection, the reason for the correction and refuses a post without it with a form message; the others
/// are listed below with why they edit nothing the lock protects.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed class CorrectionsEverywhereTests(AdminFixture admin)
{
    /// <summary>Pages that post but edit nothing a published report rests on, and why.</summary>
    private static readonly IReadOnlyDictionary<string, string> EditNothingLocked = new Dictionary<string, string>
    {
        ["/sign-in"] = "signs a person in",
        ["/sign-out"] = "signs a person out",
        ["/account/change-password"] = "the signed-in person's own password",
        ["/accounts/new"] = "staff accounts, not inspections",
        ["/accounts/{id:guid}"] = "staff accounts, not inspections",
        ["/integrators"] = "integrator registrations, not inspections",
        ["/integrators/new"] = "integrator registrations, not inspections",
        ["/integrators/{clientId}/scopes"] = "an integrator's scopes, not inspections",
        ["/error/{code:int?}"] = "an error page: its post shows the error again",
        ["/providers/new"] = "a new provider has no published inspection",
        ["/inspections/new"] = "a new inspection is not published",
        ["/inspections/{id}/publish"] = "publication itself: a published inspection is not published again",
        ["/inspections/{id}/improvement-plan"] = "the plan's receipt comes after publication and is no part of the report",
        ["/inspections/{id}/evidence/add"] = "evidence items are the working evidence behind the judgements; the judgements are locked",
        ["/inspections/{id}/evidence/{evidenceId}/edit"] = "evidence items are the working evidence behind the judgements; the judgements are locked",
        ["/inspections/{id}/evidence/{evidenceId}/withdraw"] = "evidence items are the working evidence behind the judgements; the judgements are locked",
        ["/inspections/{id}/evidence/staffing"] = "staffing returns are working evidence, not the report's figures",
        ["/inspections/{id}/evidence/surveys/add"] = "survey results are working evidence, not the report's figures",
        ["/inspections/{id}/evidence/characteristics"] = "case characteristics tables are working evidence, not the report's figures",
        ["/inspections/{id}/sample/draw"] = "the published figures are stored at publication; a new draw changes only figures computed now, which the published-figures review lists for a correction",
        ["/inspections/{id}/sample/import"] = "a caseload snapshot belongs to the provider, not to a published report",
        ["/concerns/{id}/close"] = "a cause for concern is the inspectorate's follow-up between inspections, no part of a published report",
        ["/inspections/{id}/sample/substitute"] = "the published figures are stored at publication; a substitution changes only figures computed now, which the published-figures review lists for a correction",
        ["/inspections/{id}/sample/snapshots/{snapshotId}/withdraw"] = "only a snapshot no sample uses can be withdrawn, so no published figure rests on it",
        ["/inspections/{id}/plan"] = "the addressee's action plan comes after publication and is no part of the report",
        ["/recommendations/{id}/plan"] = "the addressee's response, actions, updates and reported status come after publication and are no part of the report",
        ["/recommendations/{id}/actions/{actionId}"] = "an action of the addressee's plan comes after publication and is no part of the report",
        ["/recommendations/{id}/links"] = "a link to the standards and key questions a recommendation is about is not part of the published report",
        ["/providers/{id}/edit"] = "the provider register: a provider's own name and dates, kept with their own audit",
        ["/providers/{id}/restructure"] = "the lineage between providers, which carries recommendations across without changing a report",
        ["/providers/{id}/retire"] = "retirement keeps the provider and its inspections as they are",
    };

    [Fact]
    public async Task A_published_case_assessment_is_corrected_with_a_reason()
    {
        var inspection = await PublishedCaseAssessedInspection.CreateAsync(admin, "Corrected assessment");
        var (id, @case) = (inspection.InspectionId, inspection.Cases[0].CaseReference);
        var page = await admin.PageAsAsync(Role.Inspector);
        await page.GotoAsync($"/inspections/{id}/assessments/{@case}/standards/2.2");
        var reason = page.GetByLabel("Reason for the correction");
        Assert.True(await reason.IsVisibleAsync());
        Assert.Contains("published on 1 September 2022", await page.GetByTestId("correction-reason").InnerTextAsync());

        // The change without a reason: refused by the page, nothing recorded.
        await page.Locator("[data-question='2.2.1']").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        Assert.Equal(["Enter the reason for the correction"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        var scoring = admin.Scoring.CreateClient<AssessmentScoring.AssessmentScoringClient>();
        Assert.Equal("Yes", await AnswerAsync(scoring, id, @case));
        await AxeCore.AssertAccessibleAsync(page);
        await admin.ScreenshotAsync(page, "assessment-correction-refused");

        await page.Locator("[data-question='2.2.1']").GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason for the correction").FillAsync("Moderation found the assessment section was not sufficient");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and come back later" }).ClickAsync();
        Assert.Equal($"Correction of standard 2.2 of case {@case} recorded. The published report now shows it as amended.",
            (await page.GetByTestId("notice").InnerTextAsync()).Trim());
        Assert.Equal("No", await AnswerAsync(scoring, id, @case));

        await page.GotoAsync($"/inspections/{id}/report");
        Assert.StartsWith("Amended", (await page.GetByTestId("amended-tag").InnerTextAsync()).Trim());
        Assert.Contains("Moderation found the assessment section was not sufficient", await page.GetByTestId("amendments").InnerTextAsync());
        await AxeCore.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Every_page_that_edits_what_the_lock_protects_asks_the_reason_for_the_correction()
    {
        var posting = await PagesThatPostAsync();
        Assert.True(posting.Count >= 25, $"only {posting.Count} pages that post: {string.Join(", ", posting)}");

        // A published case-assessed inspection with something on every lock-protected page: a moderation flag raised by
        // a correction after publication, and figures that differ from those published (changed behind the service).
        var inspection = await PublishedCaseAssessedInspection.CreateAsync(admin, "Lock walk");
        var id = inspection.InspectionId;
        var @case = Uri.EscapeDataString(inspection.Cases[0].CaseReference);
        await ModerationTests.ContradictAsync(admin, id, inspection.Cases[1].CaseReference, "Re-read after publication");
        await using (var dataSource = NpgsqlDataSource.Create(admin.Scoring.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Default"]!))
        await using (var change = dataSource.CreateCommand("UPDATE key_question_answers SET answer = 'No' WHERE inspection_id = $1 AND case_reference = $2 AND question_id = '2.3.1'"))
        {
            change.Parameters.AddWithValue(id);
            change.Parameters.AddWithValue(inspection.Cases[0].CaseReference);
            Assert.Equal(1, await change.ExecuteNonQueryAsync());
        }
        var page = await admin.PageAsAsync(Role.Administrator);
        var reference = (await admin.InspectionOfAsync(AdminFixture.Bnes)).InspectionId;
        await page.GotoAsync($"/inspections/{reference}/progress");
        var progress = (await page.Locator($"main a[href^='/inspections/{reference}/progress/']").First.GetAttributeAsync("href"))!;

        // Each lock-protected page, at an address of the published inspection.
        var locked = new Dictionary<string, string>
        {
            ["/inspections/{id}/assessments/{caseReference}/grade"] = $"/inspections/{id}/assessments/{@case}/grade",
            ["/inspections/{id}/assessments/{caseReference}/standards/{standardId}"] = $"/inspections/{id}/assessments/{@case}/standards/2.2",
            ["/inspections/{id}/assessments/{caseReference}/moderation/{keyQuestionId}"] =
                $"/inspections/{id}/assessments/{Uri.EscapeDataString(inspection.Cases[1].CaseReference)}/moderation/2.2.1",
            ["/inspections/{id}/ratings/departure"] = $"/inspections/{id}/ratings/departure",
            ["/inspections/{id}/evidence/judgement/{standardId}"] = $"/inspections/{id}/evidence/judgement/1.1",
            ["/inspections/{id}/recommendations/add"] = $"/inspections/{id}/recommendations/add",
            ["/inspections/{id}/published-figures/correct"] = $"/inspections/{id}/published-figures/correct",
            ["/inspections/{id}/progress/{recommendationId}"] = progress,
            ["/inspections/{id}/published/correct-dates"] = $"/inspections/{id}/published/correct-dates",
        };

        var unclassified = posting.Except(locked.Keys).Except(EditNothingLocked.Keys).ToList();
        Assert.True(unclassified.Count == 0, $"pages that post, neither checked for the lock nor listed as editing nothing it protects: {string.Join(", ", unclassified)}");
        var stale = locked.Keys.Concat(EditNothingLocked.Keys).Except(posting).ToList();
        Assert.True(stale.Count == 0, $"listed but not a page that posts: {string.Join(", ", stale)}");

        var failures = new List<string>();
        foreach (var (template, address) in locked)
        {
            var response = await page.GotoAsync(address);
            if (response is null || response.Status >= 400) { failures.Add($"{address} ({template}) answered {response?.Status}"); continue; }
            var reason = page.GetByLabel("Reason for the correction");
            if (await reason.CountAsync() != 1 || !await reason.IsVisibleAsync()) { failures.Add($"{template}: no field for the reason for the correction"); continue; }
            var fieldId = await reason.GetAttributeAsync("id");
            await page.Locator("main form[method=post] button[type=submit]").First.ClickAsync();
            var summary = page.Locator($".govuk-error-summary a[href='#{fieldId}']");
            if (await summary.CountAsync() == 0)
                failures.Add($"{template}: a post without a reason was not refused with a message on the reason (now at {page.Url})");
            else
                await AxeCore.AssertAccessibleAsync(page);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every page of the admin's route table with a POST handler, by its route template.</summary>
    private async Task<IReadOnlyList<string>> PagesThatPostAsync()
    {
        var loader = admin.Services.GetRequiredService<PageLoader>();
        var descriptors = admin.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>())
            .OfType<PageActionDescriptor>()
            .DistinctBy(d => d.RelativePath)
            .ToList();
        var posting = new List<string>();
        foreach (var descriptor in descriptors)
        {
            var compiled = await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty);
            if (compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)))
                posting.Add("/" + compiled.AttributeRouteInfo!.Template!.TrimStart('/'));
        }
        return posting.Distinct().ToList();
    }

    private static async Task<string> AnswerAsync(AssessmentScoring.AssessmentScoringClient scoring, string inspectionId, string caseReference) =>
        (await scoring.GetCaseAssessmentAsync(new GetCaseAssessmentRequest { InspectionId = inspectionId, CaseReference = caseReference }))
        .Answers.Single(a => a.QuestionId == "2.2.1").Answer_;
}
