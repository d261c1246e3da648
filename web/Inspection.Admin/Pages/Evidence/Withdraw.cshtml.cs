using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Evidence.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using GrpcStatus = Grpc.Core.StatusCode;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Evidence;

/// <summary>Withdraws an evidence item with a reason (inspectors and above): it stays in its history and leaves lists and summaries.</summary>
[Authorize(Policy = Policies.Record)]
public sealed class WithdrawModel(OrganisationalEvidence.OrganisationalEvidenceClient evidence, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string> { ["reason"] = "Input.Reason" };

    public string InspectionId { get; private set; } = "";
    public EvidenceItem Item { get; private set; } = new();
    [BindProperty] public WithdrawInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, string evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(id, evidenceId, ct)) return NotFound();
        Input = new WithdrawInput { Version = Item.Version, RequestId = Guid.NewGuid().ToString() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(id, evidenceId, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Input.Reason)) ModelState.AddModelError("Input.Reason", "Enter why the evidence is withdrawn");
        var request = new WithdrawEvidenceRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            EvidenceId = evidenceId, ExpectedVersion = Input.Version, Reason = Input.Reason?.Trim() ?? "", WithdrawnBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await evidence.WithdrawEvidenceAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.OrganisationalEvidence, Fields);
            return Page();
        }
        try
        {
            var item = await evidence.WithdrawEvidenceAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "evidence withdrawn", $"evidence {item.EvidenceId}", item.WithdrawalReason, ct);
            TempData["Notice"] = "Evidence withdrawn";
            return Redirect($"/inspections/{id}/evidence");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.OrganisationalEvidence, Fields);
            if (e.StatusCode == GrpcStatus.Aborted)
            {
                Input.Version = Item.Version;
                ModelState.Remove("Input.Version"); // else the hidden field would echo the version posted
            }
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, string evidenceId, CancellationToken ct)
    {
        InspectionId = id;
        Item = await evidence.GetEvidenceAsync(new GetEvidenceRequest { EvidenceId = evidenceId }, new CallOptions(cancellationToken: ct));
        return Item.InspectionId == id;
    }
}
