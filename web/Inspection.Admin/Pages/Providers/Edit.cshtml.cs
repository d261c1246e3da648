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

/// <summary>Edits a provider's name, region and active dates (lead inspectors and administrators); its type stays.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class EditModel(RecommendationTracking.RecommendationTrackingClient tracking, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["name"] = "Input.Name", ["region"] = "Input.Region", ["active_from"] = "Input.ActiveFrom", ["active_to"] = "Input.ActiveTo",
    };

    public Provider Provider { get; private set; } = new();
    public RegionChoice? Regions { get; private set; }
    [BindProperty] public EditProviderInput Input { get; set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input = new EditProviderInput
        {
            Name = Provider.Name, Region = Provider.Region, ActiveFrom = DateParts.FromIso(Provider.ActiveFrom), ActiveTo = DateParts.FromIso(Provider.ActiveTo),
            Version = Provider.Version, RequestId = Guid.NewGuid().ToString(),
        };
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Provider.Retired) return Page();
        if (string.IsNullOrWhiteSpace(Input.Name)) ModelState.AddModelError("Input.Name", "Enter the provider's name");
        var activeFrom = Input.ActiveFrom.Read(ModelState, "Input.ActiveFrom", "Active from", required: false);
        var activeTo = Input.ActiveTo.Read(ModelState, "Input.ActiveTo", "Active to", required: false);
        ProviderDates.CheckNotInFuture(activeFrom, HttpContext.RequestServices.GetRequiredService<TimeProvider>(), ModelState, "Input.ActiveFrom", "Active from");
        var region = Regions!.Check(Input.Region, Input.ConfirmNewRegion, ModelState, "Input.Region");
        var request = new UpdateProviderRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            ProviderId = id, ExpectedVersion = Input.Version, Name = Input.Name?.Trim() ?? "", Region = region ?? "",
            ActiveFrom = activeFrom ?? "", ActiveTo = activeTo ?? "", UpdatedBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await tracking.UpdateProviderAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.RecommendationTracking, Fields);
            return Page();
        }
        try
        {
            var edited = await tracking.UpdateProviderAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "provider edited", edited.Name, $"{edited.Region}, {edited.ActiveFrom} to {edited.ActiveTo}", ct);
            TempData["Notice"] = $"{edited.Name} saved";
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
        Provider = await tracking.GetProviderAsync(new GetProviderRequest { ProviderId = id }, new CallOptions(cancellationToken: ct));
        Regions = await RegionChoice.LoadAsync(tracking, ct);
    }
}
