using Inspection.Admin.Forms;
using Inspection.Admin.Plans;
using Inspection.Admin.Status;
using Inspection.Recommendations.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using GrpcStatus = Grpc.Core.StatusCode;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Plans;

/// <summary>
/// What the plan's form pages share: the recommendation's plan (NOT_FOUND for an unknown one), the plan's version
/// and a request id kept across a corrected form, a date that records something that happened (today or before, in
/// England), and a service's refusal in the page's words.
/// </summary>
public abstract class PlanFormModel(RecommendationPlans.RecommendationPlansClient plans) : PageModel
{
    protected RecommendationPlans.RecommendationPlansClient Plans { get; } = plans;

    public RecommendationPlan Plan { get; private set; } = new();

    [BindProperty] public long Version { get; set; }
    [BindProperty] public string? RequestId { get; set; }

    protected static CallOptions Options(CancellationToken ct) => new(cancellationToken: ct);

    protected string KeptRequestId => string.IsNullOrEmpty(RequestId) ? Guid.NewGuid().ToString() : RequestId;

    protected async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out _)) return NotFound();
        try
        {
            Plan = await Plans.GetRecommendationPlanAsync(new GetRecommendationPlanRequest { RecommendationId = id }, Options(ct));
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.NotFound)
        {
            return NotFound();
        }
        if (string.IsNullOrEmpty(Plan.InspectionPublishedOn)) return NotFound();
        if (!HttpMethods.IsPost(HttpContext.Request.Method) || Version == 0) Version = Plan.Version;
        if (string.IsNullOrEmpty(RequestId)) RequestId = Guid.NewGuid().ToString();
        return null;
    }

    /// <summary>A date that records something that happened: required, a real date, and not after today in England.</summary>
    protected string? PastDate(DateParts parts, string key, string label)
    {
        var date = parts.Read(ModelState, key, label, required: true);
        if (date is not null && CalendarDate.Parse(key, date) > EnglandCalendar.Today(HttpContext.RequestServices.GetRequiredService<TimeProvider>()))
        {
            ModelState.AddModelError(key, $"{label} must be today or in the past");
            return null;
        }
        return date;
    }

    protected static void Required(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string? value, string key, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) state.AddModelError(key, message);
    }

    /// <summary>The service's refusal on the form: each field onto its input, dates in words; a stale version reloads what is stored.</summary>
    protected void Refused(RpcException e, IReadOnlyDictionary<string, string> fields)
    {
        if (e.StatusCode == GrpcStatus.InvalidArgument && e.FieldViolations.Count > 0)
            foreach (var violation in e.FieldViolations)
                ModelState.AddModelError(ServiceErrors.ModelKey(violation.Field, fields), PlanWords.Dated(FieldLabels.Message(violation.Field, violation.Description)));
        else
            ModelState.AddServiceError(e, ServiceNames.RecommendationTracking);
        DatesInWords();
        if (e.StatusCode == GrpcStatus.Aborted)
        {
            Version = Plan.Version;
            ModelState.Remove(nameof(Version));
        }
        if (e.StatusCode != GrpcStatus.InvalidArgument) RequestId = Guid.NewGuid().ToString();
    }

    /// <summary>
    /// The form's own checks failed: the service's (validate_only) are added beside them, dates in words, so one
    /// submit shows every error of the form (issue 22).
    /// </summary>
    protected async Task<IActionResult> ChecksAsync(Func<Task> validateOnly, IReadOnlyDictionary<string, string> fields)
    {
        await ModelState.AddServiceChecksAsync(validateOnly, ServiceNames.RecommendationTracking, fields);
        DatesInWords();
        return Page();
    }

    private void DatesInWords()
    {
        foreach (var entry in ModelState.Values)
            for (var i = 0; i < entry.Errors.Count; i++)
                if (PlanWords.Dated(entry.Errors[i].ErrorMessage) is var words && words != entry.Errors[i].ErrorMessage)
                    entry.Errors[i] = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelError(words);
    }

    protected IActionResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return Redirect($"/recommendations/{Plan.RecommendationId}");
    }
}
