using System.Globalization;
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
/// Records the day a published inspection's improvement plan was received (lead inspectors): from then on its
/// recommendations are no longer overdue for a plan. Recording again corrects the date.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class ImprovementPlanModel(RecommendationTracking.RecommendationTrackingClient tracking, AdminStore audit, TimeProvider clock) : PageModel
{
    public const string DateKey = "ReceivedOn";

    public Inspection.Recommendations.V1.Inspection Inspection { get; private set; } = new();

    [BindProperty] public string? Day { get; set; }
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? RequestId { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (CalendarDate.TryParse(Inspection.ImprovementPlanReceivedOn, out var received))
            (Day, Month, Year) = (received.Day.ToString(CultureInfo.InvariantCulture), received.Month.ToString(CultureInfo.InvariantCulture), received.Year.ToString(CultureInfo.InvariantCulture));
        Version = Inspection.Version;
        RequestId = Guid.NewGuid().ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var date = ValidDate();
        if (!ModelState.IsValid) return Page();
        try
        {
            var saved = await tracking.RecordImprovementPlanReceiptAsync(new RecordImprovementPlanReceiptRequest
            {
                RequestId = string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId,
                InspectionId = id, ExpectedVersion = Version, ReceivedOn = CalendarDate.ToText(date!.Value), RecordedBy = User.RecordedBy(),
            }, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "improvement plan received", saved.ProviderName, $"received {saved.ImprovementPlanReceivedOn}", ct);
            TempData["Notice"] = $"Improvement plan of the inspection of {saved.ProviderName} recorded as received on {DisplayDate.Format(saved.ImprovementPlanReceivedOn)}";
            return Redirect($"/recommendations?inspection={id}");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.RecommendationTracking, new Dictionary<string, string> { ["received_on"] = DateKey });
            if (e.StatusCode == GrpcStatus.Aborted)
            {
                Version = Inspection.Version;
                ModelState.Remove(nameof(Version));
            }
            RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    /// <summary>The date typed, checked in the words the page uses; null with an error when it is not a usable date.</summary>
    private DateOnly? ValidDate()
    {
        var parts = new[] { (Day, "day"), (Month, "month"), (Year, "year") };
        var missing = parts.Where(p => string.IsNullOrWhiteSpace(p.Item1)).Select(p => p.Item2).ToList();
        if (missing.Count == 3)
        {
            ModelState.AddModelError(DateKey, "Enter the date the improvement plan was received");
            return null;
        }
        if (missing.Count > 0)
        {
            ModelState.AddModelError(DateKey, $"Date received must include a {string.Join(" and ", missing)}");
            return null;
        }
        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1000 || y > 9999
            || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            ModelState.AddModelError(DateKey, "Date received must be a real date");
            return null;
        }
        var date = new DateOnly(y, m, d);
        if (date > EnglandCalendar.Today(clock))
            ModelState.AddModelError(DateKey, "Date received must be today or in the past");
        else if (CalendarDate.TryParse(Inspection.PublishedOn, out var published) && date < published)
            ModelState.AddModelError(DateKey, $"Date received must be on or after the report was published, {DisplayDate.Format(Inspection.PublishedOn)}");
        return date;
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out _)) return NotFound();
        try
        {
            Inspection = await tracking.GetInspectionAsync(new GetInspectionRequest { InspectionId = id }, new CallOptions(cancellationToken: ct));
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.NotFound)
        {
            return NotFound();
        }
        return Inspection.Status.Is(InspectionStatus.Published) ? null : NotFound();
    }
}
