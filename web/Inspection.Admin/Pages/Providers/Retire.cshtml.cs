using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Providers;

/// <summary>
/// Retires a provider with a reason (lead inspectors and administrators): it is kept with its inspections and
/// recommendations, listed under the retired providers, and offered in no list to choose from.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class RetireModel(RecommendationTracking.RecommendationTrackingClient tracking, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string> { ["reason"] = "Input.Reason" };

    public Provider Provider { get; private set; } = new();
    public int Inspections { get; private set; }
    [BindProperty] public RetireInput Input { get; set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input = new RetireInput { Version = Provider.Version, RequestId = Guid.NewGuid().ToString() };
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Provider.Retired) return Page();
        if (string.IsNullOrWhiteSpace(Input.Reason)) ModelState.AddModelError("Input.Reason", "Enter why the provider is retired");
        var request = new RetireProviderRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            ProviderId = id, ExpectedVersion = Input.Version, Reason = Input.Reason?.Trim() ?? "", RetiredBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await tracking.RetireProviderAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.RecommendationTracking, Fields);
            return Page();
        }
        try
        {
            var retired = await tracking.RetireProviderAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "provider retired", retired.Name, retired.RetiredReason, ct);
            TempData["Notice"] = $"{retired.Name} retired";
            return Redirect($"/providers/{id}");
        }
        catch (RpcException e)
        {
            ProviderRefusal.Show(ModelState, e, Fields, Input, Provider.Version);
            return Page();
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Provider = await tracking.GetProviderAsync(new GetProviderRequest { ProviderId = id }, options);
        Inspections = (await tracking.ListInspectionsAsync(new ListInspectionsRequest { ProviderId = id, PageSize = 1 }, options)).Total;
    }
}
