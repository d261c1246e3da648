using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Plans;

/// <summary>
/// Keeps one recommendation's plan (lead inspectors, issue 23): the addressee's response, a new action, a dated update
/// and the addressee's reported status, each its own form on the page.
/// </summary>
[Authorize(Policy = Policies.Lead)]
public sealed class RecordModel(RecommendationPlans.RecommendationPlansClient plans, AdminStore audit) : PlanFormModel(plans)
{
    public static readonly IReadOnlyList<string> Responses = WireWords.AddresseeResponses.Words;
    public static readonly IReadOnlyList<string> Statuses = WireWords.ReportedProgressWords.Words;
    public static readonly IReadOnlyList<(string Word, string Label)> Kinds =
        WireWords.PlanUpdateKinds.Words.Select(w => (w, Admin.Plans.PlanWords.UpdateKind(w))).ToList();

    [BindProperty] public ResponseInput Reply { get; set; } = new();
    [BindProperty] public ActionInput Action { get; set; } = new();
    [BindProperty] public UpdateInput Update { get; set; } = new();
    [BindProperty] public StatusInput Status { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Plan.Response is { } response)
            Reply = new ResponseInput { Answer = response.Response, Reason = response.Reason, On = Forms.DateParts.FromIso(response.RespondedOn) };
        return Page();
    }

    public async Task<IActionResult> OnPostResponseAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Required(ModelState, Reply.Answer, "Reply.Answer", "Select the addressee's response");
        if (Reply.Answer is { } answer && !answer.Is(AddresseeResponse.Agreed)) Required(ModelState, Reply.Reason, "Reply.Reason", "Enter the reason the recommendation is not agreed in full");
        var on = PastDate(Reply.On, "Reply.On", "Date of the response");
        var request = new RecordResponseRequest
        {
            RequestId = KeptRequestId, RecommendationId = id, ExpectedVersion = Version, Response = Reply.Answer ?? "", Reason = Reply.Reason ?? "", RespondedOn = on ?? "",
            RecordedBy = User.RecordedBy(),
        };
        var fields = new Dictionary<string, string> { ["response"] = "Reply.Answer", ["reason"] = "Reply.Reason", ["responded_on"] = "Reply.On" };
        if (!ModelState.IsValid) return await ChecksAsync(async () => await Plans.RecordResponseAsync(request.ChecksOnly(), Options(ct)), fields);
        return await SendAsync(async () =>
        {
            await Plans.RecordResponseAsync(request, Options(ct));
            return $"Response recorded: {Reply.Answer}";
        }, fields, "response recorded", ct);
    }

    public async Task<IActionResult> OnPostActionAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Required(ModelState, Action.Description, "Action.Description", "Enter what will be done");
        if (string.IsNullOrWhiteSpace(Action.OwnerRole) && string.IsNullOrWhiteSpace(Action.OwnerName))
            ModelState.AddModelError("Action.OwnerRole", "Enter the owner's role or name");
        var target = Action.Target.Read(ModelState, "Action.Target", "Target date", required: true);
        var request = new AddPlanActionRequest
        {
            RequestId = KeptRequestId, RecommendationId = id, Description = Action.Description ?? "", OwnerRole = Action.OwnerRole ?? "", OwnerName = Action.OwnerName ?? "",
            TargetDate = target ?? "", RecordedBy = User.RecordedBy(),
        };
        var fields = new Dictionary<string, string>
        {
            ["description"] = "Action.Description", ["owner_role"] = "Action.OwnerRole", ["owner_name"] = "Action.OwnerName", ["target_date"] = "Action.Target",
        };
        if (!ModelState.IsValid) return await ChecksAsync(async () => await Plans.AddPlanActionAsync(request.ChecksOnly(), Options(ct)), fields);
        return await SendAsync(async () =>
        {
            await Plans.AddPlanActionAsync(request, Options(ct));
            return $"Action added: {Action.Description!.Trim()}";
        }, fields, "action added", ct);
    }

    public async Task<IActionResult> OnPostUpdateAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Required(ModelState, Update.Kind, "Update.Kind", "Select what kind of update it is");
        var on = PastDate(Update.On, "Update.On", "Date of the update");
        Required(ModelState, Update.Author, "Update.Author", "Enter who gave the update, wrote the note or sent the document");
        Required(ModelState, Update.Text, "Update.Text", "Enter what the update says");
        var request = new RecordPlanUpdateRequest
        {
            RequestId = KeptRequestId, RecommendationId = id, Kind = Update.Kind ?? "", OccurredOn = on ?? "", Author = Update.Author ?? "", Text = Update.Text ?? "",
            RecordedBy = User.RecordedBy(),
        };
        var fields = new Dictionary<string, string> { ["kind"] = "Update.Kind", ["occurred_on"] = "Update.On", ["author"] = "Update.Author", ["text"] = "Update.Text" };
        if (!ModelState.IsValid) return await ChecksAsync(async () => await Plans.RecordPlanUpdateAsync(request.ChecksOnly(), Options(ct)), fields);
        return await SendAsync(async () =>
        {
            await Plans.RecordPlanUpdateAsync(request, Options(ct));
            return "Update recorded";
        }, fields, "update recorded", ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Required(ModelState, Status.Word, "Status.Word", "Select the status the addressee reported");
        var on = PastDate(Status.On, "Status.On", "Date it was reported");
        var request = new RecordReportedStatusRequest
        {
            RequestId = KeptRequestId, RecommendationId = id, ExpectedVersion = Version, Status = Status.Word ?? "", ReportedOn = on ?? "", Note = Status.Note ?? "",
            RecordedBy = User.RecordedBy(),
        };
        var fields = new Dictionary<string, string> { ["status"] = "Status.Word", ["reported_on"] = "Status.On", ["note"] = "Status.Note" };
        if (!ModelState.IsValid) return await ChecksAsync(async () => await Plans.RecordReportedStatusAsync(request.ChecksOnly(), Options(ct)), fields);
        return await SendAsync(async () =>
        {
            await Plans.RecordReportedStatusAsync(request, Options(ct));
            return $"Reported status recorded: {Status.Word}";
        }, fields, "reported status recorded", ct);
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
