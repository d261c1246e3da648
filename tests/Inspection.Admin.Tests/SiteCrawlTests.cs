using Inspection.Admin.Accounts;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Inspection.Admin.Tests;

/// <summary>
/// Issue 22's proof that the admin tells the truth on every page a person can reach: from the home page, as an
/// administrator and as a lead inspector, every link found is followed and must resolve (no 404, no 500), and every
/// page opened, and the page each form answers with when submitted with its fields emptied, must show no code, field
/// name or ISO date (<see cref="PageWords"/>) and be no taller than <see cref="PageWords.TallestPage"/> px. The crawl
/// knows no page by name, so pages added later join it.
/// </summary>
/// <remarks>
/// Exempt, and why:
/// - the audit trail's stored row data (<c>[data-exempt=stored-data]</c>): it is what the services recorded, shown as
///   recorded so an auditor sees the real request;
/// - integrator scope names (<c>[data-exempt=scope]</c>): they are the words integrators put in their token requests;
/// - the administrators' service status page: it names the services' addresses for whoever runs them;
/// - the caseload file's columns and values (<c>[data-exempt=file-format]</c>): a person writes exactly these into the
///   CSV file's header row and cells.
/// Besides the reference inspections, the crawl finds a draft of its own (an 80-case sample, cases assessed), so the
/// pages of a sample over 50 cases and the forms of a draft are reached whatever other tests ran first.
/// </remarks>
[Collection(AdminCollection.Name)]
public sealed class SiteCrawlTests(AdminFixture admin, ITestOutputHelper output)
{
    // Each address of a page is checked for its link; the browser opens this many of each page (by route shape) so
    // the crawl stays minutes, not hours, as the record grows.
    private const int OpenedPerShape = 12;
    private const string Exempt = "[data-exempt]";
    private static readonly string[] ExemptPages = ["/status"];
    private static readonly string[] NeverFollowed = ["/sign-out"];

    [Theory]
    [InlineData(Role.Administrator)]
    [InlineData(Role.LeadInspector)]
    public async Task Every_page_reachable_from_home_resolves_and_reads_in_words(Role role)
    {
        await CaseAssessedInspection.CreateAsync(admin, $"Crawl {role}", 80, (c, _) => [("2.2.1", c.Gender == "male" ? "Yes" : "No")], 120);
        var page = await admin.PageAsAsync(role);
        var failures = new List<string>();
        var checkedLinks = new Dictionary<string, int>();
        var openedPerShape = new Dictionary<string, int>();
        var forms = new Dictionary<string, (string Page, int Index)>();   // form shape -> a page it is on, and which form
        var queue = new Queue<(string Path, string From)>([("/", "home")]);
        var opened = 0;
        while (queue.Count > 0)
        {
            var (path, from) = queue.Dequeue();
            if (checkedLinks.ContainsKey(path) || NeverFollowed.Any(n => path.StartsWith(n, StringComparison.Ordinal))) continue;
            var response = await page.APIRequest.GetAsync(path, new() { MaxRedirects = 5 });
            var status = response.Status;
            checkedLinks[path] = status;
            if (status >= 400)
            {
                failures.Add($"{path} (linked from {from}) answered {status}");
                continue;
            }
            // A download (the caseload template, a CSV) resolves; there is no page to read.
            if (!response.Headers.GetValueOrDefault("content-type", "").StartsWith("text/html", StringComparison.Ordinal)) continue;
            var shape = ShapeOf(path);
            if (openedPerShape.GetValueOrDefault(shape) >= OpenedPerShape) continue;
            openedPerShape[shape] = openedPerShape.GetValueOrDefault(shape) + 1;
            await page.GotoAsync(path);
            opened++;
            if (await CheckAsync(page, path, failures)) await admin.ScreenshotAsync(page, $"crawl-too-tall-{shape.Trim('/').Replace('/', '-').Replace("{}", "x")}");
            foreach (var link in await SameSiteLinksAsync(page)) queue.Enqueue((link, path));
            var actions = await page.EvalOnSelectorAllAsync<string[]>("main form", "fs => fs.map(f => f.method.toLowerCase() === 'post' ? (f.getAttribute('action') || location.pathname) : '')");
            for (var i = 0; i < actions.Length; i++)
                if (actions[i].Length > 0) forms.TryAdd($"the form to {ShapeOf(actions[i])} on {ShapeOf(path)}", (path, i));
        }

        // Each form, once per shape, submitted with what a person can empty emptied: the answer is a page like any other.
        var submitted = 0;
        foreach (var (form, (on, index)) in forms)
        {
            await page.GotoAsync(on);
            if (!await EmptyAndSubmitAsync(page, index)) continue;
            submitted++;
            await CheckAsync(page, $"{form}, submitted empty", failures);
        }

        output.WriteLine($"{role}: {checkedLinks.Count} links checked, {opened} pages opened, {submitted} forms submitted empty");
        Assert.True(opened > 20, $"the crawl opened only {opened} pages");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Distinct()));
    }

    /// <summary>Checks the open page; true when it is too tall (its screenshot then shows why).</summary>
    private static async Task<bool> CheckAsync(IPage page, string what, List<string> failures)
    {
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var url = new Uri(page.Url);
        var main = page.Locator("main");
        var text = await main.InnerTextAsync();
        if (await main.GetByRole(AriaRole.Heading, new() { Name = "Page not found" }).CountAsync() > 0)
            failures.Add($"{what} ({url.PathAndQuery}) says Page not found");
        if (!ExemptPages.Contains(url.AbsolutePath))
        {
            foreach (var part in await main.Locator(Exempt).AllInnerTextsAsync()) text = text.Replace(part, "");
            var codes = PageWords.CodesIn(text);
            if (codes.Count > 0) failures.Add($"{what} ({url.PathAndQuery}) shows {string.Join(", ", codes.Select(c => $"\"{c}\""))}");
        }
        var height = await page.EvaluateAsync<int>("() => document.body.scrollHeight");
        if (height > PageWords.TallestPage) failures.Add($"{what} ({url.PathAndQuery}) is {height} px tall");
        return height > PageWords.TallestPage;
    }

    private static async Task<IReadOnlyList<string>> SameSiteLinksAsync(IPage page)
    {
        var origin = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        var links = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)");
        return links.Where(h => h.StartsWith(origin + "/", StringComparison.Ordinal))
            .Select(h => h[origin.Length..].Split('#')[0])
            .Where(l => l.Length > 0 && !l.StartsWith("/assets/", StringComparison.Ordinal) && !l.StartsWith("/lib/", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>
    /// Empties the form's text, number, date-part and free-text fields, unticks its boxes and choices, and presses its
    /// first button; false for a form with nothing a person fills in (a sign-out or confirm button).
    /// </summary>
    private static async Task<bool> EmptyAndSubmitAsync(IPage page, int index)
    {
        var fillable = await page.EvaluateAsync<int>("""
            i => {
                const form = document.querySelectorAll('main form')[i];
                const fields = [...form.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=file]), textarea')];
                for (const f of fields) {
                    if (f.type === 'radio' || f.type === 'checkbox') f.checked = false; else f.value = '';
                }
                return fields.length;
            }
            """, index);
        if (fillable == 0) return false;
        var form = page.Locator("main form").Nth(index);
        await form.Locator("button[type=submit], button:not([type]), input[type=submit]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return true;
    }

    /// <summary>A path with every segment holding a digit (ids, case references, standards) as a placeholder, and no query.</summary>
    private static string ShapeOf(string path)
    {
        var bare = path.Split('?')[0];
        return string.Join("/", bare.Split('/').Select(s =>
            s.Any(char.IsDigit) ? "{}" : s));
    }
}
