using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Playwright;

namespace Inspection.Admin.Tests;

/// <summary>
/// axe-core from npm (package.json beside this file; installed with npm ci when missing), injected into a page to
/// list accessibility violations. Serious and critical ones fail the test, and so do two axe ranks lower that issue 14
/// keeps at zero on every page: content outside any landmark (<c>region</c>) and table headers with no text
/// (<c>empty-table-header</c>).
/// </summary>
public static class AxeCore
{
    private static readonly Lazy<string> Source = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static async Task AssertAccessibleAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Source.Value });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical' || v.id === 'region' || v.id === 'empty-table-header')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe-core found on {page.Url}:\n{string.Join("\n", found)}");
    }

    private static string Load()
    {
        var directory = typeof(AxeCore).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TestProjectDirectory").Value!;
        var script = Path.Combine(directory, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(script)) NpmCi(directory);
        return File.ReadAllText(script);
    }

    private static void NpmCi(string directory)
    {
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm");
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        npm.WaitForExit();
        if (npm.ExitCode != 0) throw new InvalidOperationException($"npm ci failed in {directory}: {output.Result}{errors.Result}");
    }
}
