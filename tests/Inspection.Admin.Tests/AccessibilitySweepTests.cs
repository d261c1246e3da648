using System.Text.RegularExpressions;
using Inspection.Admin.Accounts;
using Inspection.Evidence.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 14's proof that axe stays at zero on every page: the admin's own route table (every Razor page it serves)
/// is the list to cover, and a crawl from the home page, a draft inspection with cases assessed and a published
/// reference inspection follows the links staff follow until one address of each page has been opened, as an
/// administrator (who can open every page). Each page must answer without an error and pass axe, landmark and
/// empty-header rules included. A page the crawl cannot reach by a link fails the test, so a new page is covered
/// the day it is added.
/// </summary>
[Collection(AdminCollection.Name)]
public sealed partial class AccessibilitySweepTests(AdminFixture admin)
{
    // Not reached by following a link as a signed-in administrator, so opened on their own below.
    private static readonly string[] OpenedSeparately = ["/sign-in", "/sign-out", "/error/{code:int?}"];

    [Fact]
    public async Task Every_page_of_the_admin_passes_axe()
    {
        var templates = admin.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.Metadata.Any(m => m.GetType().Name == "PageRouteMetadata"))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct().ToList();
        Assert.True(templates.Count >= 45, $"only {templates.Count} pages in the route table: {string.Join(", ", templates)}");
        var matchers = templates.Select(t => (Template: t, Pattern: PatternOf(t), Literal: t.Split('/').Count(s => s.Length > 0 && !s.StartsWith('{'))))
            .OrderByDescending(m => m.Literal).ToList();

        var draft = await CaseAssessedInspection.CreateAsync(admin, "Sweep");
        await admin.Evidence.CreateClient<OrganisationalEvidence.OrganisationalEvidenceClient>().AddEvidenceAsync(new AddEvidenceRequest
        {
            RequestId = Guid.NewGuid().ToString(), InspectionId = draft.InspectionId, StandardId = "1.1", Source = "document",
            EvidenceDate = "2022-06-07", Summary = "Sweep evidence", Finding = "strength", RecordedBy = "admin-tests",
        });
        // A moderation flag, so the page that resolves one is reached from the assessments' list.
        await ModerationTests.ContradictAsync(admin, draft.InspectionId, draft.Cases[0].CaseReference, correctionReason: "");
        var published = (await admin.InspectionOfAsync(AdminFixture.Bnes)).InspectionId;
        // An action on a recommendation's plan, so the page that changes one is reached from the recommendation.
        var planned = await DashboardTests.PublishedAsync(admin, "Sweep plan", "2022-03-01");
        var recommendation = (await admin.Tracking.CreateClient<Inspection.Recommendations.V1.RecommendationTracking.RecommendationTrackingClient>()
            .ListRecommendationsAsync(new Inspection.Recommendations.V1.ListRecommendationsRequest { InspectionId = planned.InspectionId })).Recommendations[0];
        await admin.Tracking.CreateClient<Inspection.Recommendations.V1.RecommendationPlans.RecommendationPlansClient>().AddPlanActionAsync(
            new Inspection.Recommendations.V1.AddPlanActionRequest
            {
                RequestId = Guid.NewGuid().ToString(), RecommendationId = recommendation.RecommendationId, Description = "Audit supervision monthly",
                OwnerRole = "Head of PDU", TargetDate = "2022-09-30", RecordedBy = "admin-tests",
            });
        // An active integrator, so the page that changes its scopes is reached from the integrators' list.
        await admin.Services.GetRequiredService<IntegratorRegistration>().RegisterAsync("Sweep system", ["ratings.read"], "admin-tests", CancellationToken.None);
        var page = await admin.PageAsAsync(Role.Administrator);
        // Opened whatever pages were opened before them: the draft's and the published inspection's own pages differ
        // (evidence to change, earlier recommendations to judge, the publication confirmation).
        string[] seeds = ["/", $"/inspections/{draft.InspectionId}", $"/inspections/{draft.InspectionId}/evidence", $"/inspections/{draft.InspectionId}/assessments",
            $"/inspections/{draft.InspectionId}/assessments/{Uri.EscapeDataString(draft.Cases[0].CaseReference)}",
            $"/inspections/{published}", $"/inspections/{published}/progress", $"/inspections/{published}/publish",
            "/recommendations", "/providers", "/accounts", "/integrators", "/audit", $"/recommendations/{recommendation.RecommendationId}"];
        var opened = new Dictionary<string, string>();
        var visited = new HashSet<string>();
        var queue = new Queue<string>(seeds);
        var failures = new List<string>();
        string? TemplateOf(string path) => matchers.FirstOrDefault(m => m.Pattern.IsMatch(path.Split('?')[0])).Template;
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            var template = TemplateOf(path);
            if (template is null || OpenedSeparately.Contains(template) || !visited.Add(path)) continue;
            if (opened.ContainsKey(template) && !seeds.Contains(path)) continue;
            var response = await page.GotoAsync(path);
            var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
            var landed = page.Url[origin.Length..];
            opened.TryAdd(template, path);
            if (TemplateOf(landed) is { } arrived) opened.TryAdd(arrived, landed);   // a redirect (publish -> published)
            if (response is null || response.Status >= 400) failures.Add($"{path} ({template}) answered {response?.Status}");
            try
            {
                await AxeCore.AssertAccessibleAsync(page);
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException)
            {
                failures.Add(e.Message);
            }
            foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)"))
            {
                if (!href.StartsWith(origin + "/", StringComparison.Ordinal)) continue;
                var link = href[origin.Length..].Split('#')[0];
                if (link.Length > 0) queue.Enqueue(link);
            }
        }

        // The pages a signed-in administrator does not reach by a link: the sign-in page (signed out), an error page.
        var anonymous = await admin.AnonymousPageAsync();
        await anonymous.GotoAsync("/sign-in");
        await AxeCore.AssertAccessibleAsync(anonymous);
        await page.GotoAsync("/error/404");
        await AxeCore.AssertAccessibleAsync(page);

        var unreached = templates.Except(opened.Keys).Except(OpenedSeparately).ToList();
        if (unreached.Count > 0) failures.Add($"no link reached {string.Join(", ", unreached)}; opened {string.Join(", ", opened.Values)}");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static Regex PatternOf(string template) =>
        new("^" + string.Join("/", template.Split('/').Select(s => s.StartsWith('{') ? (s.EndsWith("?}") ? "[^/]*" : "[^/]+") : Regex.Escape(s))) + "$");
}
