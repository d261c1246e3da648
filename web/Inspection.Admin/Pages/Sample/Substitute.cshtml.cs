using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Sampling.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Sample;

/// <summary>Replaces a sampled case by the next reserve of its stratum, with the reason recorded.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class SubstituteModel(CaseSampling.CaseSamplingClient sampling, AdminStore audit) : PageModel
{
    public string InspectionId { get; private set; } = "";
    [BindProperty(SupportsGet = true, Name = "sample")] public string? SampleId { get; set; }
    [BindProperty(SupportsGet = true, Name = "case")] public string? CaseReference { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? RequestId { get; set; }

    public void OnGet(string id)
    {
        InspectionId = id;
        RequestId = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        InspectionId = id;
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter why the case leaves the sample");
        if (!ModelState.IsValid) return Page();
        try
        {
            var substitution = await sampling.SubstituteCaseAsync(new SubstituteCaseRequest
            {
                RequestId = string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId,
                SampleId = SampleId ?? "",
                CaseReference = CaseReference ?? "",
                Reason = Reason!.Trim(),
                SubstitutedBy = User.RecordedBy(),
            }, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "case substituted", $"case {substitution.RemovedCaseReference}",
                $"replaced by {substitution.AddedCaseReference}: {substitution.Reason}", ct);
            TempData["Notice"] = $"Case {substitution.RemovedCaseReference} replaced by {substitution.AddedCaseReference}";
            return Redirect($"/inspections/{id}/sample");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.CaseSampling, new Dictionary<string, string> { ["reason"] = nameof(Reason) });
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }
}
