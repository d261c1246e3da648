using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inspection.Admin.Pages;

/// <summary>
/// The GOV.UK error pages: re-executed for any status code without a body (404, 403, 400, ...) and for
/// unhandled exceptions (500, with the trace id so the team can find the request in the traces).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Duration = 0, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Code { get; private set; }

    public string TraceId { get; private set; } = "";

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

    private IActionResult Show(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Code = exception is not null ? StatusCodes.Status500InternalServerError : code ?? StatusCodes.Status500InternalServerError;
        if (Code < 400 || Code > 599) Code = StatusCodes.Status404NotFound;
        TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        if (exception is not null && HttpContext.RequestAborted.IsCancellationRequested
            && exception.Error is OperationCanceledException or Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Cancelled })
            logger.LogInformation("{Path}: cancelled, the browser went away (trace {TraceId})", exception.Path, TraceId);
        else if (exception is not null)
            logger.LogError(exception.Error, "Unhandled error on {Path} (trace {TraceId})", exception.Path, TraceId);
        // Re-executed for a status code, the original code stands; reached directly, answer with the code shown.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && exception is null) Response.StatusCode = Code;
        return Page();
    }
}
