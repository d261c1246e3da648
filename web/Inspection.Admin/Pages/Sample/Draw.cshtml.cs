using System.Globalization;
using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Sampling;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Sample;

/// <summary>The draw form: population snapshot, eligibility windows and sentence types, size, strata, minimum quotas, a fixed split, seed.</summary>
[Authorize(Policy = Policies.Lead)]
public sealed class DrawModel(
    RecommendationTracking.RecommendationTrackingClient tracking, CaseSampling.CaseSamplingClient sampling, AssessmentScoring.AssessmentScoringClient scoring,
    AdminStore audit) : PageModel
{
    /// <summary>Proto field paths of the parts every draw has; rows add theirs by the index they are sent at.</summary>
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["snapshot_id"] = "Input.SnapshotId",
        ["eligibility"] = "Input.Windows[0].From",
        ["eligibility.windows"] = "Input.Windows[0].From",
        ["eligibility.sentence_types"] = "Input.SentenceTypes",
        ["fixed_size"] = "Input.FixedSize",
        ["calculated_size.confidence_level"] = "Input.ConfidenceLevel",
        ["calculated_size"] = "Input.MarginOfError",
        ["stratify_by"] = "Input.StratifyBy",
        ["quotas"] = "Input.Quotas[0].Minimum",
        ["fixed_split"] = "Input.SplitAttribute",
        ["fixed_split.attribute"] = "Input.SplitAttribute",
        ["fixed_split.groups"] = "Input.SplitGroups[0].Name",
        ["seed"] = "Input.Seed",
        ["reserves_per_stratum"] = "Input.Reserves",
        ["assessments_set_aside"] = "Input.ConfirmSetAside",
    };

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();
    public IReadOnlyList<Snapshot> Snapshots { get; private set; } = [];

    /// <summary>The words quotas and fixed splits can choose, as case sampling describes them.</summary>
    public CaseloadWords Words { get; private set; } = CaseloadWords.None;

    /// <summary>Assessments of the current sample's cases that drawing again would set aside (kept, never counted).</summary>
    public int AssessmentsToSetAside { get; private set; }

    [BindProperty] public DrawInput Input { get; set; } = new();

    /// <summary>
    /// Whether a quota's or split group's panel opens: one holding an error, or something the person entered. Every
    /// bound field has a model state entry after a post, so testing for an entry opened every empty panel too
    /// (11,180 px of them after one error).
    /// </summary>
    public bool PanelOpen(string prefix, bool filled) =>
        filled || ModelState.Any(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 });

    /// <summary>Model keys in the order the fields appear, for the error summary.</summary>
    public string FieldOrder => string.Join(",", new[] { "Input.SnapshotId" }
        .Concat(Enumerable.Range(0, DrawInput.WindowRows).SelectMany(i => new[] { $"Input.Windows[{i}].From", $"Input.Windows[{i}].To" }))
        .Concat(["Input.SentenceTypes", "Input.SizeMode", "Input.FixedSize", "Input.ConfidenceLevel", "Input.MarginOfError", "Input.StratifyBy"])
        .Concat(Enumerable.Range(0, DrawInput.QuotaRows).SelectMany(i => new[] { $"Input.Quotas[{i}].Values", $"Input.Quotas[{i}].Minimum" }))
        .Append("Input.SplitAttribute")
        .Concat(Enumerable.Range(0, DrawInput.SplitRows).SelectMany(i => new[] { $"Input.SplitGroups[{i}].Name", $"Input.SplitGroups[{i}].Values", $"Input.SplitGroups[{i}].Weight" }))
        .Concat(["Input.Seed", "Input.Reserves", "Input.ConfirmSetAside"]));

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
        Input.FillRows();
        var fields = new Dictionary<string, string>(Fields);
        string? halfWindow = null;
        for (var row = 0; row < Input.Windows.Count; row++)
        {
            var window = Input.Windows[row];
            if (window.From.IsEmpty && window.To.IsEmpty) continue;
            if (window.From.IsEmpty || window.To.IsEmpty)
            {
                halfWindow = $"Input.Windows[{row}].{(window.From.IsEmpty ? "From" : "To")}";
                ModelState.AddModelError(halfWindow, $"Enter both the first and last start dates of window {row + 1}");
                continue;
            }
            var from = window.From.Read(ModelState, $"Input.Windows[{row}].From", $"Window {row + 1} first day", required: true);
            var to = window.To.Read(ModelState, $"Input.Windows[{row}].To", $"Window {row + 1} last day", required: true);
            if (from is null || to is null)
            {
                halfWindow = $"Input.Windows[{row}].{(from is null ? "From" : "To")}";
                continue;
            }
            if (string.CompareOrdinal(to, from) < 0)
            {
                halfWindow = $"Input.Windows[{row}].To";
                ModelState.AddModelError(halfWindow, $"Window {row + 1} last day must be on or after window {row + 1} first day");
                continue;
            }
            var sent = request.Eligibility.Windows.Count;
            fields[$"eligibility.windows[{sent}]"] = $"Input.Windows[{row}].From";
            fields[$"eligibility.windows[{sent}].last_day"] = $"Input.Windows[{row}].To";
            request.Eligibility.Windows.Add(new DateWindow { FirstDay = from, LastDay = to });
        }
        if (request.Eligibility.Windows.Count == 0 && halfWindow is null)
            ModelState.AddModelError("Input.Windows[0].From", "Enter the first and last start dates of the eligibility window");
        // No window could be sent: the service's "at least one window" is what the page said of the window already.
        else if (request.Eligibility.Windows.Count == 0) fields["eligibility.windows"] = halfWindow!;
        request.Eligibility.SentenceTypes.AddRange(Input.SentenceTypes);
        request.StratifyBy.AddRange(Input.StratifyBy);
        if (Input.SizeMode.Is(SampleSizeMode.Fixed))
        {
            if (int.TryParse(Input.FixedSize, out var fixedSize)) request.FixedSize = fixedSize;
            else ModelState.AddModelError("Input.FixedSize", "Enter the sample size as a whole number, like 48");
        }
        else if (Input.SizeMode.Is(SampleSizeMode.Calculated))
        {
            var size = new SizeForConfidence();
            if (double.TryParse(Input.ConfidenceLevel, CultureInfo.InvariantCulture, out var confidence)) size.ConfidenceLevel = confidence;
            else ModelState.AddModelError("Input.ConfidenceLevel", "Enter the confidence level as a number, like 80");
            if (double.TryParse(Input.MarginOfError, CultureInfo.InvariantCulture, out var margin)) size.MarginOfError = margin;
            else ModelState.AddModelError("Input.MarginOfError", "Enter the margin of error as a number, like 5");
            request.CalculatedSize = size;
        }
        else
        {
            ModelState.AddModelError("Input.SizeMode", "Select how the sample size is set");
            fields["fixed_size"] = "Input.SizeMode"; // the service's "a size rule is required" says the same
        }
        for (var row = 0; row < Input.Quotas.Count; row++)
        {
            var typed = Input.Quotas[row];
            if (typed.Values.Count == 0 && string.IsNullOrWhiteSpace(typed.Minimum)) continue;
            var chosen = Chosen(typed.Values);
            var attributes = chosen.Select(c => c.Attribute).Distinct().ToList();
            if (attributes.Count == 0) ModelState.AddModelError($"Input.Quotas[{row}].Values", $"Select the cases quota {row + 1} is for");
            else if (attributes.Count > 1) ModelState.AddModelError($"Input.Quotas[{row}].Values", $"Select values of one kind for quota {row + 1}, like high and very high risk of serious harm");
            if (!int.TryParse(typed.Minimum?.Trim(), out var minimum))
                ModelState.AddModelError($"Input.Quotas[{row}].Minimum", $"Enter the minimum of quota {row + 1} as a whole number");
            var sent = request.Quotas.Count;
            fields[$"quotas[{sent}]"] = $"Input.Quotas[{row}].Minimum";
            fields[$"quotas[{sent}].attribute"] = $"Input.Quotas[{row}].Values";
            fields[$"quotas[{sent}].values"] = $"Input.Quotas[{row}].Values";
            var quota = new Quota { Attribute = attributes.FirstOrDefault() ?? "", Minimum = minimum };
            quota.Values.AddRange(chosen.Select(c => c.Value));
            request.Quotas.Add(quota);
        }
        if (!string.IsNullOrEmpty(Input.SplitAttribute))
        {
            var split = new FixedSplit { Attribute = Input.SplitAttribute };
            var splitName = CaseWords.Of(Input.SplitAttribute).ToLowerInvariant();
            for (var row = 0; row < Input.SplitGroups.Count; row++)
            {
                var typed = Input.SplitGroups[row];
                if (string.IsNullOrWhiteSpace(typed.Name) && typed.Values.Count == 0 && string.IsNullOrWhiteSpace(typed.Weight)) continue;
                var chosen = Chosen(typed.Values);
                if (chosen.Count == 0)
                    ModelState.AddModelError($"Input.SplitGroups[{row}].Values", $"Select the cases of split group {row + 1}");
                else if (chosen.Any(c => c.Attribute != Input.SplitAttribute))
                    ModelState.AddModelError($"Input.SplitGroups[{row}].Values", $"Select only {splitName} values for split group {row + 1}: the split is by {splitName}");
                if (!int.TryParse(typed.Weight?.Trim(), out var weight))
                    ModelState.AddModelError($"Input.SplitGroups[{row}].Weight", $"Enter the weight of split group {row + 1} as a whole number, like 40");
                var sent = split.Groups.Count;
                fields[$"fixed_split.groups[{sent}]"] = $"Input.SplitGroups[{row}].Name";
                fields[$"fixed_split.groups[{sent}].name"] = $"Input.SplitGroups[{row}].Name";
                fields[$"fixed_split.groups[{sent}].values"] = $"Input.SplitGroups[{row}].Values";
                fields[$"fixed_split.groups[{sent}].weight"] = $"Input.SplitGroups[{row}].Weight";
                var group = new SplitGroup { Name = typed.Name?.Trim() ?? "", Weight = weight };
                group.Values.AddRange(chosen.Select(c => c.Value));
                split.Groups.Add(group);
            }
            if (split.Groups.Count == 0) ModelState.AddModelError("Input.SplitGroups[0].Name", "Enter at least one group of the fixed split, or choose no split");
            request.FixedSplit = split;
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
        if (AssessmentsToSetAside > 0)
        {
            // Asked again when more cases were assessed since the page showed the number.
            if (!Input.ConfirmSetAside || Input.SetAsideShown != AssessmentsToSetAside)
                ModelState.AddModelError("Input.ConfirmSetAside", $"Confirm that the assessments of {Cases(AssessmentsToSetAside)} in the current sample will be set aside");
            request.AssessmentsSetAside = AssessmentsToSetAside;
        }
        Input.SetAsideShown = AssessmentsToSetAside;
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await sampling.DrawSampleAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.CaseSampling, fields);
            return Page();
        }
        try
        {
            var sample = await sampling.DrawSampleAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "sample drawn", Inspection.ProviderName,
                $"{sample.Cases.Count} cases, seed {sample.Seed}, algorithm {sample.AlgorithmVersion}", ct);
            TempData["Notice"] = $"Sample drawn: {sample.Cases.Count} cases with seed {sample.Seed}"
                + (request.AssessmentsSetAside > 0 ? $"; the assessments of {Cases(request.AssessmentsSetAside)} in the earlier sample are set aside" : "");
            return Redirect($"/inspections/{id}/sample");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.CaseSampling, fields);
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, options);
        Snapshots = (await sampling.ListSnapshotsAsync(new ListSnapshotsRequest { ProviderId = Inspection.ProviderId }, options)).Snapshots
            .Where(s => s.Status.Is(SnapshotStatus.Complete)).OrderByDescending(s => s.Version).ToList();
        Words = new CaseloadWords(await sampling.DescribeCaseloadFileAsync(new DescribeCaseloadFileRequest(), options));
        var assessments = await scoring.ListCaseAssessmentsAsync(new ListCaseAssessmentsRequest { InspectionId = id, PageSize = 1 }, options);
        AssessmentsToSetAside = assessments.Total - assessments.SetAside;
        if (Input.SetAsideShown == 0) Input.SetAsideShown = AssessmentsToSetAside;
    }

    public static string Cases(int count) => count == 1 ? "1 case" : $"{count} cases";

    /// <summary>The values chosen on the form ("rosh_level=very_high"), as attribute and value.</summary>
    private static List<(string Attribute, string Value)> Chosen(IEnumerable<string> choices) =>
        choices.Select(CaseWords.ParseChoice).OfType<(string Attribute, string Value)>().Distinct().ToList();
}
