using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Presentation;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Plans;

/// <summary>
/// One action of a plan (lead inspectors, issue 23): its wording, owner and status (withdrawn with a reason), and its
/// target date, which changes only by a revision with a reason; every earlier date stays in its history.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class ActionModel(RecommendationPlans.RecommendationPlansClient plans, AdminStore audit) : PlanFormModel(plans)
{
    public static readonly IReadOnlyList<string> Statuses = WireWords.PlanActionStatuses.Words;

    public PlanAction Current { get; private set; } = new();

    [BindProperty] public ActionInput Change { get; set; } = new();
    [BindProperty] public RevisionInput Revision { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, string actionId, CancellationToken ct)
    {
        if (await LoadActionAsync(id, actionId, ct) is { } refused) return refused;
        Change = new ActionInput
        {
            Description = Current.Description, OwnerRole = Current.OwnerRole, OwnerName = Current.OwnerName, Status = Current.Status, StatusReason = Current.StatusReason,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(string id, string actionId, CancellationToken ct)
    {
        if (await LoadActionAsync(id, actionId, ct) is { } refused) return refused;
        Required(ModelState, Change.Description, "Change.Description", "Enter what will be done");
        if (string.IsNullOrWhiteSpace(Change.OwnerRole) && string.IsNullOrWhiteSpace(Change.OwnerName))
            ModelState.AddModelError("Change.OwnerRole", "Enter the owner's role or name");
        Required(ModelState, Change.Status, "Change.Status", "Select the action's status");
        if (Change.Status.Is(PlanActionStatus.Withdrawn)) Required(ModelState, Change.StatusReason, "Change.StatusReason", "Enter why the action was withdrawn");
        var request = new UpdatePlanActionRequest
        {
            RequestId = KeptRequestId, ActionId = actionId, ExpectedVersion = Version, Description = Change.Description ?? "", OwnerRole = Change.OwnerRole ?? "",
            OwnerName = Change.OwnerName ?? "", Status = Change.Status ?? "", StatusReason = Change.StatusReason ?? "", RecordedBy = User.RecordedBy(),
        };
        var fields = new Dictionary<string, string>
        {
            ["description"] = "Change.Description", ["owner_role"] = "Change.OwnerRole", ["owner_name"] = "Change.OwnerName", ["status"] = "Change.Status",
            ["status_reason"] = "Change.StatusReason",
        };
        if (!ModelState.IsValid) return await ChecksAsync(async () => await Plans.UpdatePlanActionAsync(request.ChecksOnly(), Options(ct)), fields);
        return await SendAsync(async () =>
        {
            await Plans.UpdatePlanActionAsync(request, Options(ct));
            return $"Action {Current.Number} changed: {Change.Status}";
        }, fields, "action changed", ct);
    }

    public async Task<IActionResult> OnPostReviseAsync(string id, string actionId, CancellationToken ct)
    {
        if (await LoadActionAsync(id, actionId, ct) is { } refused) return refused;
        var target = Revision.Target.Read(ModelState, "Revision.Target", "New target date", required: true);
        if (target is not null && target == Current.TargetDate) ModelState.AddModelError("Revision.Target", "New target date must differ from the current one");
        Required(ModelState, Revision.Reason, "Revision.Reason", "Enter the reason the target date changes");
        var request = new ReviseTargetDateRequest
        {
            RequestId = KeptRequestId, ActionId = actionId, ExpectedVersion = Version, TargetDate = target ?? "", Reason = Revision.Reason ?? "", RecordedBy = User.RecordedBy(),
        };
        var fields = new Dictionary<string, string> { ["target_date"] = "Revision.Target", ["reason"] = "Revision.Reason" };
        if (!ModelState.IsValid) return await ChecksAsync(async () => await Plans.ReviseTargetDateAsync(request.ChecksOnly(), Options(ct)), fields);
        return await SendAsync(async () =>
        {
            await Plans.ReviseTargetDateAsync(request, Options(ct));
            return $"Action {Current.Number}'s target date moved from {DisplayDate.Format(Current.TargetDate)} to {DisplayDate.Format(target)}";
        }, fields, "target date revised", ct);
    }

    private async Task<IActionResult?> LoadActionAsync(string id, string actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Plan.Actions.FirstOrDefault(a => a.ActionId == actionId) is not { } action) return NotFound();
        Current = action;
        return null;
    }

    private async Task<IActionResult> SendAsync(Func<Task<string>> send, IReadOnlyDictionary<string, string> fields, string auditWhat, CancellationToken ct)
    {
        try
        {
            var notice = await send();
            await audit.AppendAuditAsync(User.RecordedBy(), auditWhat, $"recommendation {Plan.Number} to {Plan.AddresseeName}", notice, ct);
            return Done(notice);
        }
        catch (RpcException e)
        {
            Refused(e, fields);
            return Page();
        }
    }
}
