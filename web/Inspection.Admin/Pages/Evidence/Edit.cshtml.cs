using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Evidence.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using CallOptions = Grpc.Core.CallOptions;
using GrpcStatus = Grpc.Core.StatusCode;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Evidence;

/// <summary>
/// Changes an evidence item (inspectors and above). The version read travels with the form: when someone else changed
/// the item meanwhile, the service refuses (ABORTED) and the form shows what is stored now beside what was typed.
/// </summary>
[Authorize(Policy = Policies.Record)]
public sealed class EditModel(OrganisationalEvidence.OrganisationalEvidenceClient evidence, AdminStore audit) : EvidenceFormModel(evidence)
{
    public EvidenceItem Item { get; private set; } = new();
    /// <summary>Set after a refused conflicting change: the item as stored now.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(id, evidenceId, ct)) return NotFound();
        Input = new EvidenceInput
        {
            Target = string.IsNullOrEmpty(Item.KeyQuestionId) ? Item.StandardId : $"{Item.StandardId}|{Item.KeyQuestionId}",
            Source = Item.Source, Date = Forms.DateParts.FromIso(Item.EvidenceDate), Summary = Item.Summary, Finding = Item.Finding,
            Cases = string.Join(", ", Item.CaseReferences), Version = Item.Version, RequestId = NewRequestId(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(id, evidenceId, ct)) return NotFound();
        CheckInput();
        var (standardId, keyQuestionId) = Target();
        var request = new UpdateEvidenceRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? NewRequestId() : Input.RequestId,
            EvidenceId = evidenceId, ExpectedVersion = Input.Version, StandardId = standardId, KeyQuestionId = keyQuestionId,
            Source = Input.Source ?? "", EvidenceDate = EvidenceDate ?? "", Summary = Input.Summary?.Trim() ?? "", Finding = Input.Finding ?? "",
            RecordedBy = User.RecordedBy(), EvidenceSubsection = Item.EvidenceSubsection,
        };
        request.CaseReferences.AddRange(CaseReferences());
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await Evidence.UpdateEvidenceAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.OrganisationalEvidence, Fields);
            return Page();
        }
        try
        {
            var item = await Evidence.UpdateEvidenceAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "evidence changed", $"evidence {item.EvidenceId} version {item.Version}", item.Summary, ct);
            TempData["Notice"] = "Evidence changed";
            return Redirect($"/inspections/{id}/evidence");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.OrganisationalEvidence, Fields);
            if (e.StatusCode == GrpcStatus.Aborted)
            {
                // What is typed stays; saving again now knowingly replaces the version shown.
                Conflict = true;
                Input.Version = Item.Version;
                ModelState.Remove("Input.Version"); // else the hidden field would echo the version posted
            }
            Input.RequestId = NewRequestId();
            return Page();
        }
    }

    /// <summary>The item as stored now; false when it belongs to another inspection.</summary>
    private async Task<bool> LoadAsync(string id, string evidenceId, CancellationToken ct)
    {
        await LoadStandardsAsync(id, ct);
        Item = await Evidence.GetEvidenceAsync(new GetEvidenceRequest { EvidenceId = evidenceId }, new CallOptions(cancellationToken: ct));
        return Item.InspectionId == id;
    }
}
