using System.Globalization;
using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Presentation;
using Inspection.Admin.Status;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using GrpcStatus = Grpc.Core.StatusCode;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Evidence;

/// <summary>Enters the provider's staffing and workload return (inspectors and above); recording again adds a version.</summary>
[Authorize(Policy = Policies.Record)]
public sealed class StaffingModel(
    RecommendationTracking.RecommendationTrackingClient tracking,
    OrganisationalEvidence.OrganisationalEvidenceClient evidence,
    AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = StaffingReturnFields.All
        .ToDictionary(f => $"figures.{f.Field}", f => StaffingReturnFields.ModelKey(f.Field))
        .Append(new KeyValuePair<string, string>("as_at", "Input.AsAt"))
        .Append(new KeyValuePair<string, string>("figures", StaffingReturnFields.ModelKey(StaffingReturnFields.All[0].Field)))
        .ToDictionary();

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    [BindProperty] public StaffingInput Input { get; set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        Input.RequestId = Guid.NewGuid().ToString();
        try
        {
            var current = await evidence.GetStaffingReturnAsync(new GetStaffingReturnRequest { InspectionId = id }, options);
            Input.AsAt = DateParts.FromIso(current.AsAt);
            foreach (var figure in current.FigureList) Input.Figures[figure.Field] = figure.Value.ToString(CultureInfo.InvariantCulture);
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.NotFound)
        {
            // None recorded yet: an empty form.
        }
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, new CallOptions(cancellationToken: ct));
        var figures = new StaffingFigures();
        var asAt = Input.AsAt.Read(ModelState, "Input.AsAt", "Date the figures relate to", required: true);
        foreach (var (field, label, _) in StaffingReturnFields.All)
        {
            var typed = Input.Figures.GetValueOrDefault(field)?.Trim();
            if (string.IsNullOrEmpty(typed)) continue;
            if (double.TryParse(typed.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                StaffingReturnFields.Set(figures, field, value);
            else
                ModelState.AddModelError(StaffingReturnFields.ModelKey(field), $"Enter {label.ToLowerInvariant()} as a number, like 12.5, or leave it empty");
        }
        var request = new RecordStaffingReturnRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            InspectionId = id, AsAt = asAt ?? "", Figures = figures, RecordedBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await evidence.RecordStaffingReturnAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.OrganisationalEvidence, Fields);
            return Page();
        }
        try
        {
            var recorded = await evidence.RecordStaffingReturnAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "staffing return recorded", Inspection.ProviderName,
                $"version {recorded.Version}, {recorded.FigureList.Count} figures as at {recorded.AsAt}", ct);
            TempData["Notice"] = $"Staffing return recorded (version {recorded.Version})";
            return Redirect($"/inspections/{id}/evidence");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.OrganisationalEvidence, Fields);
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }
}
