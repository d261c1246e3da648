using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Inspections;

/// <summary>Puts an inspection of a provider in the calendar (lead inspectors and administrators).</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class NewModel(
    RecommendationTracking.RecommendationTrackingClient tracking,
    AssessmentScoring.AssessmentScoringClient scoring,
    AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["provider_id"] = "Input.ProviderId", ["framework_id"] = "Input.FrameworkId", ["fieldwork_start"] = "Input.FieldworkStart",
        ["fieldwork_end"] = "Input.FieldworkEnd", ["lead_inspector"] = "Input.LeadInspector",
    };

    public IReadOnlyList<Provider> Providers { get; private set; } = [];
    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];
    [BindProperty] public NewInspectionInput Input { get; set; } = new();

    public async Task OnGetAsync(string? provider, CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.ProviderId = provider;
        Input.RequestId = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (string.IsNullOrEmpty(Input.ProviderId)) ModelState.AddModelError("Input.ProviderId", "Select the provider to inspect");
        if (string.IsNullOrEmpty(Input.FrameworkId)) ModelState.AddModelError("Input.FrameworkId", "Select the inspection framework");
        var start = Input.FieldworkStart.Read(ModelState, "Input.FieldworkStart", "Fieldwork start", required: false);
        var end = Input.FieldworkEnd.Read(ModelState, "Input.FieldworkEnd", "Fieldwork end", required: false);
        var request = new CreateInspectionRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            ProviderId = Input.ProviderId ?? "", FrameworkId = Input.FrameworkId ?? "", FieldworkStart = start ?? "",
            FieldworkEnd = end ?? "", LeadInspector = Input.LeadInspector?.Trim() ?? "", CreatedBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await tracking.CreateInspectionAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.RecommendationTracking, Fields);
            return Page();
        }
        try
        {
            var inspection = await tracking.CreateInspectionAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "inspection created", inspection.ProviderName, $"{inspection.FrameworkId}, fieldwork from {inspection.FieldworkStart}", ct);
            TempData["Notice"] = $"Inspection of {inspection.ProviderName} added";
            return Redirect($"/inspections/{inspection.InspectionId}");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.RecommendationTracking, Fields);
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var frameworks = scoring.ListFrameworksAsync(new ListFrameworksRequest(), options);
        var providers = new List<Provider>();
        var page = new ListProvidersRequest { PageSize = 200 };
        do
        {
            var response = await tracking.ListProvidersAsync(page, options);
            providers.AddRange(response.Providers.Where(p => !p.Type.Is(ProviderType.NationalBody) && !p.Type.Is(ProviderType.Region)));
            page.PageToken = response.NextPageToken;
        } while (!string.IsNullOrEmpty(page.PageToken));
        Providers = providers.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        Frameworks = (await frameworks).Frameworks;
    }
}
