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
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string> { ["reason"] = nameof(Reason) };

    public string InspectionId { get; private set; } = "";
    [BindProperty(SupportsGet = true, Name = "sample")] public string? SampleId { get; set; }
    [BindProperty(SupportsGet = true, Name = "case")] public string? CaseReference { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? RequestId { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        InspectionId = id;
        RequestId = Guid.NewGuid().ToString();
        return await IsActiveCaseAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        InspectionId = id;
        // An unknown sample or case (or one not of this inspection, or already replaced) is "Page not found", never
        // a form error quoting the service's internal ids.
        if (!await IsActiveCaseAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter why the case leaves the sample");
        var request = new SubstituteCaseRequest
        {
            RequestId = string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId,
            SampleId = SampleId ?? "",
            CaseReference = CaseReference ?? "",
            Reason = Reason?.Trim() ?? "",
            SubstitutedBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await sampling.SubstituteCaseAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.CaseSampling, Fields);
            return Page();
        }
        try
        {
            var substitution = await sampling.SubstituteCaseAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "case substituted", $"case {substitution.RemovedCaseReference}",
                $"replaced by {substitution.AddedCaseReference}: {substitution.Reason}", ct);
            TempData["Notice"] = $"Case {substitution.RemovedCaseReference} replaced by {substitution.AddedCaseReference}. Reason: {substitution.Reason}";
            return Redirect($"/inspections/{id}/sample");
        }
        catch (RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            return NotFound();
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.CaseSampling, Fields);
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    /// <summary>Whether the sample is this inspection's and the case is active in it (a missing or malformed id finds nothing).</summary>
    private async Task<bool> IsActiveCaseAsync(string inspectionId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(SampleId) || string.IsNullOrWhiteSpace(CaseReference)) return false;
        try
        {
            var sample = await sampling.GetSampleAsync(new GetSampleRequest { SampleId = SampleId }, new CallOptions(cancellationToken: ct));
            return sample.InspectionId == inspectionId && sample.Cases.Any(c => c.CaseReference == CaseReference && c.Status.Is(SampledCaseStatus.Active));
        }
        catch (RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.NotFound or Grpc.Core.StatusCode.InvalidArgument)
        {
            return false;
        }
    }
}
