using Inspection.Admin.Status;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Inspection.Admin.Hosting;

/// <summary>
/// A page that reads from a service and gets a refusal it did not handle itself answers with the GOV.UK page that
/// fits, not a 500: NOT_FOUND is "Page not found", a service that cannot be reached is "the service is unavailable"
/// (naming which), a refused argument in an address is a 404 too (a malformed id finds nothing).
/// Forms catch refusals themselves and show them as form errors.
/// </summary>
public sealed class ServiceFailurePageFilter(ServiceChannels channels, ILogger<ServiceFailurePageFilter> logger) : IAsyncPageFilter
{
    public const string UnavailableServiceKey = "UnavailableService";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is null) return;
        if (context.HttpContext.RequestAborted.IsCancellationRequested
            && executed.Exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled or StatusCode.DeadlineExceeded })
        {
            // The browser gave up on the page (closed, navigated away): what happened, in one line, not an error.
            logger.LogInformation("{Page}: cancelled, the browser went away", context.ActionDescriptor.DisplayName);
            executed.ExceptionHandled = true;
            executed.Result = new StatusCodeResult(StatusCodes.Status499ClientClosedRequest);
            return;
        }
        if (executed.Exception is not RpcException { } failure) return;
        var status = failure.StatusCode switch
        {
            StatusCode.NotFound or StatusCode.InvalidArgument => StatusCodes.Status404NotFound,
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => StatusCodes.Status503ServiceUnavailable,
            StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
            _ => 0,
        };
        if (status == 0) return;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            var service = Unreachable(failure.Status.Detail);
            context.HttpContext.Items[UnavailableServiceKey] = service;
            logger.LogWarning("{Page}: {Service} unavailable: {Detail}", context.ActionDescriptor.DisplayName, service, failure.Status.Detail);
        }
        else
        {
            logger.LogInformation("{Page}: answered {Status} for {Code}: {Detail} {Violations}", context.ActionDescriptor.DisplayName, status,
                failure.StatusCode, failure.Status.Detail, string.Join("; ", failure.FieldViolations.Select(v => $"{v.Field}: {v.Description}")));
        }
        executed.ExceptionHandled = true;
        executed.Result = new StatusCodeResult(status);
    }

    // The channel's error names the address it could not reach: find whose address it is.
    private string Unreachable(string detail)
    {
        foreach (var app in ServiceHealth.Services)
        {
            if (!channels.UnderDapr && detail.Contains(channels.AddressOf(app.AppId), StringComparison.Ordinal)) return ServiceNames.Of(app.AppId);
        }
        return ServiceNames.FromAddress(detail);
    }
}
