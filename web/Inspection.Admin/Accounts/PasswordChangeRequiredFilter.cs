using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Inspection.Admin.Accounts;

/// <summary>
/// A member of staff signed in with a password someone else gave them (the first administrator's, or one an
/// administrator set) reaches only the change-password page, signing out and the error pages until they choose
/// their own: any other page redirects there.
/// </summary>
public sealed class PasswordChangeRequiredFilter : IAsyncPageFilter
{
    public const string ChangePasswordPath = "/account/change-password";
    private static readonly string[] Allowed = ["/Account/ChangePassword", "/Account/SignOut", "/Account/SignIn", "/Error"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && user.MustChangePassword()
            && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath, StringComparer.OrdinalIgnoreCase))
        {
            var request = context.HttpContext.Request;
            var returnUrl = request.Method == HttpMethods.Get ? request.PathBase + request.Path + request.QueryString : "/";
            context.Result = new RedirectResult($"{ChangePasswordPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }
        return next();
    }
}
