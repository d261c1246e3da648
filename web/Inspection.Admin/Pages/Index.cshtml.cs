using Inspection.Admin.Accounts;
using Inspection.Admin.Dashboard;
using Inspection.Admin.Plans;
using Inspection.Admin.Presentation;
using Inspection.Evidence.V1;
using Inspection.Recommendations.V1;
using Inspection.Sampling.V1;
using Inspection.Scoring.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages;

/// <summary>
/// Home as a dashboard: the counts first (inspections in progress, recommendations due for a progress judgement at
/// them, overdue improvement plans), then the signed-in person's inspections with their progress, then the reminders
/// (overdue and falling due in the next 30 days, filtered by response, off track and priority; the first few, the rest
/// on the reminders page), then the overdue improvement plans, newest first, a page at a time.
/// </summary>
public sealed class IndexModel(
    RecommendationTracking.RecommendationTrackingClient tracking,
    RecommendationPlans.RecommendationPlansClient plans,
    CaseSampling.CaseSamplingClient sampling,
    AssessmentScoring.AssessmentScoringClient scoring,
    OrganisationalEvidence.OrganisationalEvidenceClient evidence) : PageModel
{
    public const int OverduePageSize = 10;

    /// <summary>Reminders shown on the dashboard; the reminders page has them all.</summary>
    public const int RemindersShown = 3;

    /// <summary>In-progress inspections read for the counts (the count itself is the service's total).</summary>
    private const int InProgressRead = 200;

    // "p", not "page": Razor Pages keeps the route value "page" for the page itself.
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "response")] public string? ReminderResponse { get; set; }
    [BindProperty(SupportsGet = true, Name = "offtrack")] public bool ReminderOffTrack { get; set; }
    [BindProperty(SupportsGet = true, Name = "priority")] public bool ReminderPriority { get; set; }
    [BindProperty(SupportsGet = true, Name = "concern")] public bool ReminderConcern { get; set; }

    public ReminderFilter Reminding { get; private set; } = new(null, false, false);
    /// <summary>Null when recommendation tracking could not say.</summary>
    public ListRemindersResponse? Reminders { get; private set; }

    public int InProgressCount { get; private set; }
    public int? RecommendationsDue { get; private set; }
    public int OverduePlanCount { get; private set; }
    public IReadOnlyList<(Inspection.Recommendations.V1.Inspection Inspection, InspectionProgress Progress)> Mine { get; private set; } = [];
    public IReadOnlyList<Inspection.Recommendations.V1.Inspection> OverduePlans { get; private set; } = [];
    public PageLinks OverduePages { get; private set; } = PageLinks.For(1, OverduePageSize, 0, _ => "/");
    public bool TrackingUnavailable { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var options = new CallOptions(cancellationToken: ct);
        var page = PageLinks.FromQuery(PageNumber);
        try
        {
            var inProgress = tracking.ListInspectionsAsync(new ListInspectionsRequest { Status = "planned", PageSize = InProgressRead }, options);
            var overdue = tracking.ListInspectionsAsync(new ListInspectionsRequest
            {
                ImprovementPlanOverdueOnly = true, NewestFirst = true, PageSize = OverduePageSize, PageToken = PageLinks.TokenFor(page, OverduePageSize),
            }, options);
            Reminding = ReminderFilter.Read(ReminderResponse, ReminderOffTrack, ReminderPriority, concern: ReminderConcern);
            var reminders = plans.ListRemindersAsync(Reminding.ToRequest(RemindersShown), options);
            var planned = await inProgress;
            var overduePage = await overdue;
            InProgressCount = planned.Total;
            OverduePlanCount = overduePage.Total;
            OverduePlans = overduePage.Inspections;
            OverduePages = PageLinks.For(page, OverduePageSize, overduePage.Total, n => n == 1 ? "/#overdue" : $"/?p={n}#overdue");
            Reminders = await reminders;

            var progress = new InspectionProgressReader(tracking, sampling, scoring, evidence);
            var mine = planned.Inspections.Where(IsMine).ToList();
            var read = await Task.WhenAll(mine.Select(i => progress.ReadAsync(i.InspectionId, options)));
            Mine = mine.Zip(read).ToList();
            RecommendationsDue = await RecommendationsDueAsync(planned.Inspections, options);
        }
        catch (RpcException)
        {
            TrackingUnavailable = true;
        }
    }

    /// <summary>An inspection is the signed-in person's when they lead it (by name or e-mail) or created it.</summary>
    private bool IsMine(Inspection.Recommendations.V1.Inspection inspection) =>
        Same(inspection.LeadInspector, User.DisplayName()) || Same(inspection.LeadInspector, User.Email()) || Same(inspection.CreatedBy, User.RecordedBy());

    private static bool Same(string a, string b) => a.Length > 0 && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Earlier recommendations due for a progress judgement at the inspections in progress and not yet judged there.</summary>
    private async Task<int?> RecommendationsDueAsync(IReadOnlyList<Inspection.Recommendations.V1.Inspection> inProgress, CallOptions options)
    {
        try
        {
            var due = await Task.WhenAll(inProgress.Select(i => tracking.ListDueForJudgementAsync(new ListDueForJudgementRequest { InspectionId = i.InspectionId }, options).ResponseAsync));
            return due.Sum(d => d.Recommendations.Count(r => r.JudgementAtThisInspection is null));
        }
        catch (RpcException)
        {
            return null;
        }
    }
}
