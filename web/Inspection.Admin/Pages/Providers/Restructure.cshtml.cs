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
/// Records that this provider was formed, on a date, from (parts of) providers already in the register (lead
/// inspectors and administrators): their recommendations are then followed up at its inspections.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class RestructureModel(RecommendationTracking.RecommendationTrackingClient tracking, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["effective_on"] = "Input.EffectiveOn", ["note"] = "Input.Note", ["predecessors"] = "Input.Predecessors[0].ProviderId",
        ["predecessors[0].provider_id"] = "Input.Predecessors[0].ProviderId", ["predecessors[1].provider_id"] = "Input.Predecessors[1].ProviderId",
        ["predecessors[2].provider_id"] = "Input.Predecessors[2].ProviderId", ["predecessors[0].note"] = "Input.Predecessors[0].Note",
        ["predecessors[1].note"] = "Input.Predecessors[1].Note", ["predecessors[2].note"] = "Input.Predecessors[2].Note",
    };

    public Provider Provider { get; private set; } = new();
    public IReadOnlyList<Provider> Choices { get; private set; } = [];
    [BindProperty] public RestructureInput Input { get; set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input = new RestructureInput { Version = Provider.Version, RequestId = Guid.NewGuid().ToString() };
        Pad();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Pad();
        if (Provider.Retired) return Page();
        // Rows left empty are not predecessors; the service numbers those sent, so each keeps its row's number.
        var chosen = Input.Predecessors.Select((p, row) => (p, row)).Where(x => !string.IsNullOrEmpty(x.p.ProviderId)).ToList();
        if (chosen.Count == 0) ModelState.AddModelError("Input.Predecessors[0].ProviderId", "Select the provider it was formed from");
        var effectiveOn = Input.EffectiveOn.Read(ModelState, "Input.EffectiveOn", "Date of the restructure", required: true);
        var request = new RecordRestructureRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            ProviderId = id, ExpectedVersion = Input.Version, EffectiveOn = effectiveOn ?? "", Note = Input.Note?.Trim() ?? "", RecordedBy = User.RecordedBy(),
        };
        request.Predecessors.AddRange(chosen.Select(x => new PredecessorPart { ProviderId = x.p.ProviderId, Note = x.p.Note?.Trim() ?? "" }));
        var fields = RowFields(chosen.Select(x => x.row).ToList());
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await tracking.RecordRestructureAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.RecommendationTracking, fields);
            return Page();
        }
        try
        {
            var lineage = await tracking.RecordRestructureAsync(request, new CallOptions(cancellationToken: ct));
            var names = string.Join(", ", lineage.Ancestors.Where(a => a.Generation == 1 && request.Predecessors.Any(p => p.ProviderId == a.Provider.ProviderId)).Select(a => a.Provider.Name));
            await audit.AppendAuditAsync(User.RecordedBy(), "restructure recorded", lineage.Provider.Name, $"formed from {names} on {effectiveOn}", ct);
            TempData["Notice"] = $"Restructure recorded: {lineage.Provider.Name} formed from {names}";
            return Redirect($"/providers/{id}");
        }
        catch (RpcException e)
        {
            // The service names the rows it was sent; put each back on the row it came from.
            ProviderRefusal.Show(ModelState, e, fields, Input, Provider.Version);
            return Page();
        }
    }

    private static Dictionary<string, string> RowFields(IReadOnlyList<int> rows)
    {
        var fields = new Dictionary<string, string>(Fields);
        for (var sent = 0; sent < rows.Count; sent++)
        {
            fields[$"predecessors[{sent}].provider_id"] = $"Input.Predecessors[{rows[sent]}].ProviderId";
            fields[$"predecessors[{sent}].note"] = $"Input.Predecessors[{rows[sent]}].Note";
        }
        return fields;
    }

    private void Pad()
    {
        while (Input.Predecessors.Count < RestructureInput.Rows) Input.Predecessors.Add(new PredecessorInput());
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Provider = await tracking.GetProviderAsync(new GetProviderRequest { ProviderId = id }, options);
        var providers = (await RegisterPages.AllAsync(tracking, new ListProvidersRequest(), ct)).Where(p => p.ProviderId != id);
        Choices = providers.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
