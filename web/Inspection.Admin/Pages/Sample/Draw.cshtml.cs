using System.Globalization;
using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Inspection.Grpc.CallOptions;
using RpcException = Inspection.Grpc.RpcException;

namespace Inspection.Admin.Pages.Sample;

/// <summary>The draw form: population snapshot, eligibility window and sentence types, size, strata, a quota, seed.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class DrawModel(RecommendationTracking.RecommendationTrackingClient tracking, CaseSampling.CaseSamplingClient sampling, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["snapshot_id"] = "Input.SnapshotId",
        ["eligibility.windows"] = "Input.WindowFrom",
        ["eligibility.sentence_types"] = "Input.SentenceTypes",
        ["eligibility"] = "Input.WindowFrom",
        ["fixed_size"] = "Input.FixedSize",
        ["calculated_size.confidence_level"] = "Input.ConfidenceLevel",
        ["calculated_size"] = "Input.MarginOfError",
        ["stratify_by"] = "Input.StratifyBy",
        ["quotas"] = "Input.QuotaMinimum",
        ["seed"] = "Input.Seed",
        ["reserves_per_stratum"] = "Input.Reserves",
    };

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public IReadOnlyList<Snapshot> Snapshots { get; private set; } = [];

    [BindProperty] public DrawInput Input { get; set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.SnapshotId = Snapshots.FirstOrDefault()?.SnapshotId;
        Input.RequestId = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var request = new DrawSampleRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            InspectionId = id,
            SnapshotId = Input.SnapshotId ?? "",
            Eligibility = new Eligibility(),
            DrawnBy = User.RecordedBy(),
        };
        if (string.IsNullOrEmpty(Input.SnapshotId)) ModelState.AddModelError("Input.SnapshotId", "Select the caseload snapshot to draw from");
        if (string.IsNullOrWhiteSpace(Input.WindowFrom) || string.IsNullOrWhiteSpace(Input.WindowTo))
            ModelState.AddModelError("Input.WindowFrom", "Enter the first and last start dates of the eligibility window");
        else
            request.Eligibility.Windows.Add(new DateWindow { FirstDay = Input.WindowFrom.Trim(), LastDay = Input.WindowTo.Trim() });
        request.Eligibility.SentenceTypes.AddRange(Input.SentenceTypes);
        request.StratifyBy.AddRange(Input.StratifyBy);
        if (Input.SizeMode == "fixed")
        {
            if (int.TryParse(Input.FixedSize, out var fixedSize)) request.FixedSize = fixedSize;
            else ModelState.AddModelError("Input.FixedSize", "Enter the sample size as a whole number, like 48");
        }
        else if (Input.SizeMode == "calculated")
        {
            var size = new SizeForConfidence();
            if (double.TryParse(Input.ConfidenceLevel, CultureInfo.InvariantCulture, out var confidence)) size.ConfidenceLevel = confidence;
            else ModelState.AddModelError("Input.ConfidenceLevel", "Enter the confidence level as a number, like 80");
            if (double.TryParse(Input.MarginOfError, CultureInfo.InvariantCulture, out var margin)) size.MarginOfError = margin;
            else ModelState.AddModelError("Input.MarginOfError", "Enter the margin of error as a number, like 5");
            request.CalculatedSize = size;
        }
        else ModelState.AddModelError("Input.SizeMode", "Select how the sample size is set");
        if (!string.IsNullOrWhiteSpace(Input.QuotaAttribute))
        {
            var quota = new Quota { Attribute = Input.QuotaAttribute };
            quota.Values.AddRange((Input.QuotaValues ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (int.TryParse(Input.QuotaMinimum, out var minimum)) quota.Minimum = minimum;
            else ModelState.AddModelError("Input.QuotaMinimum", "Enter the quota's minimum as a whole number");
            request.Quotas.Add(quota);
        }
        if (!string.IsNullOrWhiteSpace(Input.Seed))
        {
            if (ulong.TryParse(Input.Seed.Trim(), out var seed)) request.Seed = seed;
            else ModelState.AddModelError("Input.Seed", "Enter the seed as a whole number, or leave it empty for a new one");
        }
        if (!string.IsNullOrWhiteSpace(Input.Reserves))
        {
            if (int.TryParse(Input.Reserves, out var reserves)) request.ReservesPerStratum = reserves;
            else ModelState.AddModelError("Input.Reserves", "Enter the reserves per stratum as a whole number");
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            var sample = await sampling.DrawSampleAsync(request, new CallOptions(CancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "sample drawn", Inspection.ProviderName,
                $"{sample.Cases.Count} cases, seed {sample.Seed}, algorithm {sample.AlgorithmVersion}", ct);
            TempData["Notice"] = $"Sample drawn: {sample.Cases.Count} cases with seed {sample.Seed}";
            return Redirect($"/inspections/{id}/sample");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.CaseSampling, Fields);
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(CancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        Snapshots = (await sampling.ListSnapshotsAsync(new ListSnapshotsRequest { ProviderId = Inspection.ProviderId }, options)).Snapshots
            .Where(s => s.Status == "complete").OrderByDescending(s => s.Version).ToList();
    }

    public sealed class DrawInput
    {
        public string? SnapshotId { get; set; }
        public string? WindowFrom { get; set; }
        public string? WindowTo { get; set; }
        public List<string> SentenceTypes { get; set; } = [];
        public List<string> StratifyBy { get; set; } = [];
        public string? SizeMode { get; set; } = "fixed";
        public string? FixedSize { get; set; }
        public string? ConfidenceLevel { get; set; } = "80";
        public string? MarginOfError { get; set; } = "5";
        public string? QuotaAttribute { get; set; }
        public string? QuotaValues { get; set; }
        public string? QuotaMinimum { get; set; }
        public string? Seed { get; set; }
        public string? Reserves { get; set; }
        public string? RequestId { get; set; }
    }
}
