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

/// <summary>Adds a provider to the register (lead inspectors and administrators).</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class NewModel(RecommendationTracking.RecommendationTrackingClient tracking, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["name"] = "Input.Name", ["type"] = "Input.Type", ["region"] = "Input.Region", ["active_from"] = "Input.ActiveFrom", ["active_to"] = "Input.ActiveTo",
    };

    [BindProperty] public NewProviderInput Input { get; set; } = new();

    public RegionChoice? Regions { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.RequestId = Guid.NewGuid().ToString();
        Regions = await RegionChoice.LoadAsync(tracking, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Name)) ModelState.AddModelError("Input.Name", "Enter the provider's name");
        if (string.IsNullOrEmpty(Input.Type)) ModelState.AddModelError("Input.Type", "Select the type of provider");
        var activeFrom = Input.ActiveFrom.Read(ModelState, "Input.ActiveFrom", "Active from", required: false);
        var activeTo = Input.ActiveTo.Read(ModelState, "Input.ActiveTo", "Active to", required: false);
        Regions = await RegionChoice.LoadAsync(tracking, ct);
        var region = Regions.Check(Input.Region, Input.ConfirmNewRegion, ModelState, "Input.Region");
        var request = new CreateProviderRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            Name = Input.Name?.Trim() ?? "", Type = Input.Type ?? "", Region = region ?? "",
            ActiveFrom = activeFrom ?? "", ActiveTo = activeTo ?? "", CreatedBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await tracking.CreateProviderAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.RecommendationTracking, Fields);
            return Page();
        }
        try
        {
            var provider = await tracking.CreateProviderAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "provider created", provider.Name, $"{provider.Type}, {provider.Region}", ct);
            TempData["Notice"] = $"{provider.Name} added to the register";
            return Redirect($"/providers/{provider.ProviderId}");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.RecommendationTracking, Fields);
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }
}
