using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Evidence.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Evidence;

/// <summary>Adds an evidence item to a standard (or one of its key questions): inspectors and above.</summary>
[Authorize(Policy = Policies.Record)]
public sealed class AddModel(OrganisationalEvidence.OrganisationalEvidenceClient evidence, AdminStore audit) : EvidenceFormModel(evidence)
{
    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        await LoadStandardsAsync(id, ct);
        Input.RequestId = NewRequestId();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadStandardsAsync(id, ct);
        CheckInput();
        var (standardId, keyQuestionId) = Target();
        var request = new AddEvidenceRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? NewRequestId() : Input.RequestId,
            InspectionId = id, StandardId = standardId, KeyQuestionId = keyQuestionId,
            Source = Input.Source ?? "", EvidenceDate = EvidenceDate ?? "", Summary = Input.Summary?.Trim() ?? "", Finding = Input.Finding ?? "",
            RecordedBy = User.RecordedBy(),
        };
        request.CaseReferences.AddRange(CaseReferences());
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await Evidence.AddEvidenceAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.OrganisationalEvidence, Fields);
            return Page();
        }
        try
        {
            var item = await Evidence.AddEvidenceAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "evidence added", $"standard {item.StandardId}", item.Summary, ct);
            TempData["Notice"] = "Evidence added";
            return Redirect($"/inspections/{id}/evidence");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.OrganisationalEvidence, Fields);
            Input.RequestId = NewRequestId();
            return Page();
        }
    }
}
