using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Pages.Providers;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Concerns;

/// <summary>
/// Closes a cause for concern with the reason (lead inspectors and administrators): the flag is kept with who closed
/// it, when and why, and the same records never raise it again.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class CloseModel(CausesForConcern.CausesForConcernClient concerns, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string> { ["reason"] = "Input.Reason" };

    public CauseForConcern Concern { get; private set; } = new();
    [BindProperty] public CloseConcernInput Input { get; set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input = new CloseConcernInput { Version = Concern.Version, RequestId = Guid.NewGuid().ToString() };
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (Concern.Closed) return Page();
        if (string.IsNullOrWhiteSpace(Input.Reason)) ModelState.AddModelError("Input.Reason", "Enter why the cause for concern is closed");
        var request = new CloseCauseForConcernRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            ConcernId = id, ExpectedVersion = Input.Version, Reason = Input.Reason?.Trim() ?? "", ClosedBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await concerns.CloseCauseForConcernAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.RecommendationTracking, Fields);
            return Page();
        }
        try
        {
            var closed = await concerns.CloseCauseForConcernAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "cause for concern closed", $"{closed.ProviderName}: {closed.RuleTitle}", closed.CloseReason, ct);
            TempData["Notice"] = $"Cause for concern about {closed.ProviderName} closed";
            return Redirect($"/concerns?provider={closed.ProviderId}#closed");
        }
        catch (RpcException e)
        {
            ProviderRefusal.Show(ModelState, e, Fields, Input, Concern.Version);
            return Page();
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct) =>
        Concern = await concerns.GetCauseForConcernAsync(new GetCauseForConcernRequest { ConcernId = id }, new CallOptions(cancellationToken: ct));
}
