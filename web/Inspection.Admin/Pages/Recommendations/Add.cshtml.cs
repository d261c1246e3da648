using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Presentation;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using GrpcStatus = Grpc.Core.StatusCode;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Recommendations;

/// <summary>
/// Adds an inspection's recommendations in report order (lead inspectors and administrators); the service numbers
/// them after any already made and checks each addressee fits its group. On a published inspection they change the
/// report, so they are added as a correction with its reason (the report shows it as amended).
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class AddModel(RecommendationTracking.RecommendationTrackingClient tracking, AdminStore audit, TimeProvider clock) : PageModel
{
    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    /// <summary>
    /// Who a recommendation may be addressed to: the inspected provider, its own region or division (same region), and
    /// the national bodies that existed at the inspection (fieldwork start, else today). The service checks the same.
    /// </summary>
    public IReadOnlyList<(string Value, string Label)> Addressees { get; private set; } = [];
    [BindProperty] public NewRecommendationsInput Input { get; set; } = new();

    /// <summary>The inspection is published: recommendations added now change its report, so they are recorded as a correction.</summary>
    public bool IsCorrection => Inspection.Status.Is(InspectionStatus.Published);

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.RequestId = Guid.NewGuid().ToString();
        Input.InspectionVersion = Inspection.Version;
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        while (Input.Rows.Count < NewRecommendationsInput.RowCount) Input.Rows.Add(new NewRecommendationRow());
        var request = new AddRecommendationsRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            InspectionId = id, ExpectedVersion = Input.InspectionVersion, RecordedBy = User.RecordedBy(),
            CorrectionReason = IsCorrection ? Input.CorrectionReason?.Trim() ?? "" : "",
        };
        // recommendations[i] is the i-th filled row sent: the service's violations come back by that index.
        var fields = new Dictionary<string, string> { ["correction_reason"] = "Input.CorrectionReason" };
        for (var row = 0; row < Input.Rows.Count; row++)
        {
            var (addressee, text) = (Input.Rows[row].Addressee, Input.Rows[row].Text?.Trim());
            if (string.IsNullOrEmpty(addressee) && string.IsNullOrEmpty(text)) continue;
            if (string.IsNullOrEmpty(addressee)) ModelState.AddModelError($"Input.Rows[{row}].Addressee", $"Select who recommendation {row + 1} is addressed to");
            if (string.IsNullOrEmpty(text)) ModelState.AddModelError($"Input.Rows[{row}].Text", $"Enter what recommendation {row + 1} says they should do");
            if (string.IsNullOrEmpty(addressee) || string.IsNullOrEmpty(text)) continue;
            var sent = request.Recommendations.Count;
            fields[$"recommendations[{sent}].addressee_group"] = $"Input.Rows[{row}].Addressee";
            fields[$"recommendations[{sent}].addressee_provider_id"] = $"Input.Rows[{row}].Addressee";
            fields[$"recommendations[{sent}].text"] = $"Input.Rows[{row}].Text";
            var parts = addressee.Split('|');
            request.Recommendations.Add(new NewRecommendation { AddresseeGroup = parts[0], AddresseeProviderId = parts.Length > 1 ? parts[1] : "", Text = text });
        }
        if (ModelState.IsValid && request.Recommendations.Count == 0) ModelState.AddModelError("Input.Rows[0].Text", "Enter at least one recommendation");
        if (IsCorrection && string.IsNullOrWhiteSpace(Input.CorrectionReason))
            ModelState.AddModelError("Input.CorrectionReason", "Enter the reason for the correction");
        if (!ModelState.IsValid)
        {
            // No row could be sent: the service's "at least one" is what the page said of the rows already.
            if (request.Recommendations.Count == 0)
                fields["recommendations"] = ModelState.FirstOrDefault(e => e.Key.StartsWith("Input.Rows[", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).Key
                                            ?? "Input.Rows[0].Text";
            await ModelState.AddServiceChecksAsync(async () => await tracking.AddRecommendationsAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.RecommendationTracking, fields);
            return Page();
        }
        try
        {
            var added = await tracking.AddRecommendationsAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "recommendations added", Inspection.ProviderName,
                string.Join("; ", added.Recommendations.Select(r => $"{r.Number}. {r.AddresseeName}")), ct);
            var (lowest, highest) = (added.Recommendations.Min(r => r.Number), added.Recommendations.Max(r => r.Number));
            var notice = added.Recommendations.Count == 1
                ? $"Recommendation {lowest} added"
                : $"{added.Recommendations.Count} recommendations added, numbered {lowest} to {highest}";
            TempData["Notice"] = added.Recommendations.Any(r => r.CorrectionReason.Length > 0)
                ? $"{notice} as a correction. The published report now shows it as amended."
                : notice;
            return Redirect($"/inspections/{id}");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.RecommendationTracking, fields);
            if (e.StatusCode == GrpcStatus.Aborted)
            {
                // The numbering above now counts what was added meanwhile; sending again adds these after it.
                Input.InspectionVersion = Inspection.Version;
                ModelState.Remove("Input.InspectionVersion");
            }
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        var addressees = new List<(string, string)> { ($"provider|{Inspection.ProviderId}", ProviderTypes.AddresseeLabel(Inspection.ProviderName, "provider")) };
        var inspected = await tracking.GetProviderAsync(new GetProviderRequest { ProviderId = Inspection.ProviderId }, options);
        var on = string.IsNullOrEmpty(Inspection.FieldworkStart) ? CalendarDate.ToText(EnglandCalendar.Today(clock)) : Inspection.FieldworkStart;
        // Regions and divisions are addressed as the region group; a national body as its own group (below).
        foreach (var (type, group) in new (ProviderType, AddresseeGroup?)[]
                 { (ProviderType.Region, AddresseeGroup.Region), (ProviderType.NpsDivision, AddresseeGroup.Region), (ProviderType.NationalBody, null) })
        {
            // A provider without a region has no region or division to address.
            if (group == AddresseeGroup.Region && inspected.Region.Length == 0) continue;
            var providers = await tracking.ListProvidersAsync(new ListProvidersRequest
            {
                Type = type.Word(), Region = group == AddresseeGroup.Region ? inspected.Region : "", ActiveOn = on, PageSize = 200,
            }, options);
            foreach (var p in providers.Providers.Where(p => p.ProviderId != inspected.ProviderId).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
            {
                // National bodies: HMPPS and the Ministry of Justice each have their own group.
                var g = (group ?? (p.Name.Contains("Justice", StringComparison.OrdinalIgnoreCase) ? AddresseeGroup.Moj : AddresseeGroup.Hmpps)).Word();
                addressees.Add(($"{g}|{p.ProviderId}", ProviderTypes.AddresseeLabel(p.Name, g)));
            }
        }
        Addressees = addressees;
    }
}
