using System.Net;
using Microsoft.Playwright;

namespace Inspection.Admin.Publishing;

/// <summary>
/// Prints the admin's own report page to PDF with Debian's chromium through Playwright: the same Razor page staff
/// read, in its print layout, as a tagged PDF with an outline (bookmarks), page numbers, and DRAFT on every page of a
/// draft. One browser is started on first use and kept (the cold start is most of the first PDF's time); each print
/// has its own context carrying the caller's sign-in cookies, so the page is read with the caller's rights.
/// </summary>
public sealed class ReportPrinter(IConfiguration configuration, ILogger<ReportPrinter> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where chromium is (Report:ChromiumPath); the run command installs Debian's.</summary>
    private string ChromiumPath => configuration["Report:ChromiumPath"] ?? "/usr/bin/chromium";

    public async Task<byte[]> PrintAsync(Uri page, IEnumerable<KeyValuePair<string, string>> cookies, bool draft, CancellationToken ct)
    {
        var browser = await BrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" });
        var origin = page.GetLeftPart(UriPartial.Authority);
        var jar = cookies.Select(c => new Microsoft.Playwright.Cookie { Name = c.Key, Value = c.Value, Url = origin }).ToList();
        if (jar.Count > 0) await context.AddCookiesAsync(jar);
        var tab = await context.NewPageAsync();
        using var cancel = ct.Register(() => _ = tab.CloseAsync());
        var response = await tab.GotoAsync(page.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 30_000 });
        if (response?.Status == (int)HttpStatusCode.ServiceUnavailable)
            throw new IncompleteReportException("The report page could not read every part of the record for the printer");
        if (response is null || response.Status != (int)HttpStatusCode.OK)
            throw new InvalidOperationException($"The report page answered {response?.Status.ToString() ?? "nothing"} to the printer");
        ct.ThrowIfCancellationRequested();
        return await tab.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            Tagged = true,
            Outline = true,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            // The templates are printed in the page margins of every page; Chromium fills pageNumber and totalPages.
            HeaderTemplate = draft
                ? "<div style=\"width:100%;text-align:center;font-family:Arial,sans-serif;font-size:12px;font-weight:bold\">DRAFT: NOT FOR PUBLICATION</div>"
                : "<div></div>",
            FooterTemplate = "<div style=\"width:100%;text-align:center;font-family:Arial,sans-serif;font-size:9px\">"
                + "Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>",
            Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
        });
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is { IsConnected: true } running) return running;
        await _starting.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true } started) return started;
            _playwright ??= await Playwright.CreateAsync();
            logger.LogInformation("Starting chromium ({Path}) to print reports", ChromiumPath);
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return _browser;
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _starting.Dispose();
    }
}
