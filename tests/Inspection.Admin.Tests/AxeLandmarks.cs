using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// axe-core's serious and critical findings, and also two it ranks lower that the issue asks to keep at zero: content
/// outside any landmark (<c>region</c>) and table headers with no text (<c>empty-table-header</c>).
/// </summary>
public static class AxeLandmarks
{
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        await AxeCore.AssertNoSeriousViolationsAsync(page); // injects axe-core as well
        var found = await page.EvaluateAsync<string[]>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'rule', values: ['region', 'empty-table-header'] }, resultTypes: ['violations'] });
              return result.violations.map(v => `${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        Assert.True(found.Length == 0, $"axe-core found on {page.Url}:\n{string.Join("\n", found)}");
    }
}
