using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Sample;

/// <summary>
/// Withdraws a mistaken caseload snapshot with a reason (lead inspectors and administrators): kept in the history,
/// offered for no draw. A snapshot a sample was drawn from stays: the page says so instead of offering the form.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class WithdrawSnapshotModel(RecommendationTracking.RecommendationTrackingClient tracking, CaseSampling.CaseSamplingClient sampling, AdminStore audit)
    : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string> { ["reason"] = "Input.Reason" };

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public Snapshot Snapshot { get; private set; } = new();
    public int SamplesDrawn { get; private set; }
    [BindProperty] public WithdrawSnapshotInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, string snapshotId, CancellationToken ct)
    {
        if (!await LoadAsync(id, snapshotId, ct)) return NotFound();
        Input = new WithdrawSnapshotInput { RequestId = Guid.NewGuid().ToString() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string snapshotId, CancellationToken ct)
    {
        if (!await LoadAsync(id, snapshotId, ct)) return NotFound();
        if (Snapshot.Withdrawn) return Page();
        if (string.IsNullOrWhiteSpace(Input.Reason)) ModelState.AddModelError("Input.Reason", "Enter why the caseload snapshot is withdrawn");
        var request = new WithdrawSnapshotRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            SnapshotId = snapshotId, Reason = Input.Reason?.Trim() ?? "", WithdrawnBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await sampling.WithdrawSnapshotAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.CaseSampling, Fields);
            return Page();
        }
        try
        {
            var withdrawn = await sampling.WithdrawSnapshotAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "caseload snapshot withdrawn", $"{Inspection.ProviderName}, version {withdrawn.Version}", withdrawn.WithdrawnReason, ct);
            TempData["Notice"] = $"Caseload snapshot version {withdrawn.Version} withdrawn";
            return Redirect($"/inspections/{id}/sample");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.CaseSampling, Fields);
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    // The snapshot must be of the inspected provider: any other id in the address is not a page of this inspection.
    private async Task<bool> LoadAsync(string id, string snapshotId, CancellationToken ct)
    {
        if (!Guid.TryParse(snapshotId, out _)) return false;
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        Snapshot = await sampling.GetSnapshotAsync(new GetSnapshotRequest { SnapshotId = snapshotId }, options);
        SamplesDrawn = (await sampling.ListSamplesAsync(new ListSamplesRequest { SnapshotId = snapshotId }, options)).Samples.Count;
        return Snapshot.ProviderId == Inspection.ProviderId;
    }
}
