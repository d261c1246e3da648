using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Concerns;

/// <summary>Every cause for concern, or one provider's: the open ones, then the closed ones with who closed each, when and why.</summary>
public sealed class IndexModel(CausesForConcern.CausesForConcernClient concerns, RecommendationTracking.RecommendationTrackingClient tracking) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "provider")] public string? ProviderId { get; set; }

    public string? ProviderName { get; private set; }
    public IReadOnlyList<CauseForConcern> Open { get; private set; } = [];
    public IReadOnlyList<CauseForConcern> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        if (Guid.TryParse(ProviderId, out _))
            ProviderName = (await tracking.GetProviderAsync(new GetProviderRequest { ProviderId = ProviderId }, options)).Name;
        else
            ProviderId = null;
        var all = await concerns.ListCausesForConcernAsync(new ListCausesForConcernRequest { ProviderId = ProviderId ?? "", IncludeClosed = true }, options);
        Open = all.Concerns.Where(c => !c.Closed).ToList();
        Closed = all.Concerns.Where(c => c.Closed).ToList();
    }
}
