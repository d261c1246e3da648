using Inspection.Admin.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages.OpenData;

/// <summary>
/// The national open data (issue 25): the files anyone can have (the ratings time series and the implementation
/// rates as CSV, XLSX and JSON), made from the same RPCs the public HTTP JSON answers.
/// </summary>
public sealed class IndexModel(OpenDataExport export) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>One file: <c>dataset</c> ratings or implementation, <c>format</c> csv, xlsx or json; 404 for anything else.</summary>
    public async Task<IActionResult> OnGetFileAsync(string? dataset, string? format, CancellationToken ct) =>
        await export.FileAsync(dataset, format, ct) is { } file ? File(file.Content, file.Type, file.Name) : NotFound();
}
