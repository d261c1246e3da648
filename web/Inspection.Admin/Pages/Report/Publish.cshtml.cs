using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Report;

/// <summary>Publishes an inspection: recommendation tracking sets the improvement plan's due date from the framework.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class PublishModel(RecommendationTracking.RecommendationTrackingClient tracking, AdminStore audit) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    [BindProperty] public string? PublishedOn { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? RequestId { get; set; }

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, new CallOptions(cancellationToken: ct));
        Version = Inspection.Version;
        RequestId = Guid.NewGuid().ToString();
        PublishedOn = DateTime.UtcNow.ToString("yyyy-MM-dd");
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, new CallOptions(cancellationToken: ct));
        if (string.IsNullOrWhiteSpace(PublishedOn)) ModelState.AddModelError(nameof(PublishedOn), "Enter the publication date, like 2022-08-01");
        if (!ModelState.IsValid) return Page();
        try
        {
            var published = await tracking.PublishInspectionAsync(new PublishInspectionRequest
            {
                RequestId = string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId,
                InspectionId = id, ExpectedVersion = Version, PublishedOn = PublishedOn!.Trim(), PublishedBy = User.RecordedBy(),
            }, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "inspection published", published.ProviderName, $"published {published.PublishedOn}", ct);
            return Redirect($"/inspections/{id}");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.RecommendationTracking, new Dictionary<string, string> { ["published_on"] = nameof(PublishedOn) });
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }
}
