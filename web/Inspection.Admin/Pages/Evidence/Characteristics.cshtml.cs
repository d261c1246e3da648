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

/// <summary>
/// Enters the characteristics of inspected cases (inspectors and above): computed from the sample where it carries the
/// attribute, typed in where it does not. Recording again adds a version.
/// </summary>
[Authorize(Policy = Policies.Record)]
public sealed class CharacteristicsModel(
    RecommendationTracking.RecommendationTrackingClient tracking,
    OrganisationalEvidence.OrganisationalEvidenceClient evidence,
    AdminStore audit) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    [BindProperty] public CharacteristicsInput Input { get; set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        Input.RequestId = Guid.NewGuid().ToString();
        try
        {
            var current = await evidence.GetCaseCharacteristicsAsync(new GetCaseCharacteristicsRequest { InspectionId = id }, options);
            Input.ComputeFromSample = current.Rows.Any(r => r.Source.Is(CharacteristicSource.ComputedFromSample));
            foreach (var row in current.Rows.Where(r => r.Source.Is(CharacteristicSource.Entered)))
                Input.Values[row.Characteristic] = row.Value.ToString(CultureInfo.InvariantCulture);
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.NotFound)
        {
            // None recorded yet: an empty form.
        }
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, new CallOptions(cancellationToken: ct));
        var request = new RecordCaseCharacteristicsRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            InspectionId = id, ComputeFromSample = Input.ComputeFromSample, RecordedBy = User.RecordedBy(),
        };
        // entered[i] is the i-th figure sent: the service's violations come back by that index.
        var fields = new Dictionary<string, string> { ["entered"] = CaseCharacteristicFields.ModelKey(CaseCharacteristicFields.All[0].Name) };
        foreach (var (name, label, _, _) in CaseCharacteristicFields.All)
        {
            var typed = Input.Values.GetValueOrDefault(name)?.Trim();
            if (string.IsNullOrEmpty(typed)) continue;
            if (double.TryParse(typed.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                fields[$"entered[{request.Entered.Count}]"] = CaseCharacteristicFields.ModelKey(name);
                request.Entered.Add(new EnteredCharacteristic { Characteristic = name, Value = value });
            }
            else
            {
                ModelState.AddModelError(CaseCharacteristicFields.ModelKey(name), $"Enter {label.ToLowerInvariant()} as a number, or leave it empty");
            }
        }
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await evidence.RecordCaseCharacteristicsAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.OrganisationalEvidence, fields);
            return Page();
        }
        try
        {
            var table = await evidence.RecordCaseCharacteristicsAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "case characteristics recorded", Inspection.ProviderName, $"version {table.Version}, {table.Rows.Count} rows", ct);
            TempData["Notice"] = $"Characteristics of inspected cases recorded (version {table.Version})";
            return Redirect($"/inspections/{id}/evidence");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.OrganisationalEvidence, fields);
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }
}
