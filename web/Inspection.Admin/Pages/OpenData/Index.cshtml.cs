using Inspection.Admin.Presentation;
using Inspection.Admin.Publishing;
using Inspection.OpenData.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.OpenData;

/// <summary>
/// The national open data (issue 25): its pictures (the national distribution of ratings by standard, the
/// implementation rate by year; each with a table of the same figures) and the files anyone can have (the ratings
/// time series and the implementation rates as CSV, XLSX and JSON), all from the same RPCs the public HTTP JSON answers.
/// </summary>
public sealed class IndexModel(OpenDataExport export) : PageModel
{
    /// <summary>Null when assessment scoring did not answer.</summary>
    public ListRatingHistoryResponse? Ratings { get; private set; }

    /// <summary>Null when recommendation tracking did not answer.</summary>
    public ListImplementationRatesResponse? Rates { get; private set; }

    public IReadOnlyList<RatingCharts.YearRate> Years => Rates is null ? [] : RatingCharts.ByYear(Rates.Rates);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var ratings = export.RatingHistoryAsync(null, ct);
        var rates = export.ImplementationRatesAsync(ct);
        try
        {
            Ratings = await ratings;
        }
        catch (RpcException)
        {
            Ratings = null;
        }
        try
        {
            Rates = await rates;
        }
        catch (RpcException)
        {
            Rates = null;
        }
    }

    /// <summary>One file: <c>dataset</c> ratings or implementation, <c>format</c> csv, xlsx or json; 404 for anything else.</summary>
    public async Task<IActionResult> OnGetFileAsync(string? dataset, string? format, CancellationToken ct) =>
        await export.FileAsync(dataset, format, ct) is { } file ? File(file.Content, file.Type, file.Name) : NotFound();
}
