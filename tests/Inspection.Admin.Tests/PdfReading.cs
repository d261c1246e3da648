using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Inspection.Admin.Tests;

/// <summary>
/// A PDF read as a reader would: poppler-utils' pdftotext (each page's text, in layout) and pdfinfo (title, tagged,
/// pages), and PdfPig for the outline, the catalogue's language and structure tree, and the words of every page.
/// </summary>
public sealed class PdfReading
{
    public required IReadOnlyList<string> Pages { get; init; }
    public required IReadOnlyDictionary<string, string> Info { get; init; }
    public required IReadOnlyList<string> Bookmarks { get; init; }
    public required string? Language { get; init; }
    public required bool HasStructureTree { get; init; }
    public required string? Title { get; init; }
    /// <summary>The document's text in reading order (pdftotext), whitespace made single spaces: for phrases that wrap across lines.</summary>
    public required string Words { get; init; }

    public string Text => string.Join("\n", Pages);

    public static async Task<PdfReading> ReadAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var info = (await RunAsync("pdfinfo", path)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(':', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
            var count = int.Parse(info["Pages"]);
            var pages = new List<string>();
            for (var i = 1; i <= count; i++) pages.Add(await RunAsync("pdftotext", "-layout", "-f", i.ToString(), "-l", i.ToString(), path, "-"));
            using var document = PdfDocument.Open(pdf);
            var bookmarks = document.TryGetBookmarks(out var outline) ? outline.GetNodes().Select(n => n.Title).ToList() : [];
            var catalog = document.Structure.Catalog.CatalogDictionary;
            var language = catalog.TryGet(NameToken.Create("Lang"), out var lang) ? (lang as StringToken)?.Data ?? lang.ToString() : null;
            var words = Flat(await RunAsync("pdftotext", path, "-"));
            return new PdfReading
            {
                Pages = pages, Info = info, Bookmarks = bookmarks, Language = language, Title = document.Information.Title,
                HasStructureTree = catalog.ContainsKey(NameToken.Create("StructTreeRoot")), Words = words,
            };
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Whitespace made single spaces, so text that wraps in the PDF compares with the record's.</summary>
    public static string Flat(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{tool} did not start (deploy/local/prerequisites.sh --pdf-tools installs poppler-utils)");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }
}
