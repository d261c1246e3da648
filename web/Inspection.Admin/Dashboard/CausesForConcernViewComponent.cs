using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Dashboard;

/// <summary>
/// The open causes for concern, everyone's (the home dashboard) or one provider's (its page): the provider, the rule in
/// words, what met it and the records, linked. A panel of its own, so the pages that show it only say where.
/// </summary>
public sealed class CausesForConcernViewComponent(CausesForConcern.CausesForConcernClient concerns) : ViewComponent
{
    /// <summary>How many the home dashboard shows, newest first (each row lists its records, so more makes home a wall
    /// beside the reminders); a provider's page shows more. The rest are on the causes-for-concern page.</summary>
    public const int ShownOnDashboard = 3;
    public const int ShownForProvider = 10;

    public async Task<IViewComponentResult> InvokeAsync(string? providerId)
    {
        try
        {
            var open = await concerns.ListCausesForConcernAsync(new ListCausesForConcernRequest { ProviderId = providerId ?? "" },
                new CallOptions(cancellationToken: HttpContext.RequestAborted));
            return View(new CausesForConcernPanel(providerId, open.Concerns.Take(providerId is null ? ShownOnDashboard : ShownForProvider).ToList(), open.Concerns.Count, Unavailable: false));
        }
        catch (RpcException)
        {
            return View(new CausesForConcernPanel(providerId, [], 0, Unavailable: true));
        }
    }
}
