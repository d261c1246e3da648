using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Evidence.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;
using RpcException = Grpc.Core.RpcException;

namespace Inspection.Admin.Pages.Evidence;

/// <summary>Records one survey question's result (inspectors and above): respondents and how many agreed; the service computes the percentage.</summary>
[Authorize(Policy = Policies.Record)]
public sealed class AddSurveyModel(OrganisationalEvidence.OrganisationalEvidenceClient evidence, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["survey"] = "Input.Survey", ["question"] = "Input.Question", ["respondents"] = "Input.Respondents", ["agreeing"] = "Input.Agreeing",
        ["standard_id"] = "Input.Target", ["key_question_id"] = "Input.Target",
    };

    public static readonly IReadOnlyList<(string Code, string Name)> Surveys =
        [("staff", "Staff survey"), ("people_on_probation", "People on probation survey"), ("sentencer", "Sentencer survey")];

    public string InspectionId { get; private set; } = "";
    public IReadOnlyList<OrganisationalStandard> Standards { get; private set; } = [];
    [BindProperty] public SurveyInput Input { get; set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.RequestId = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (string.IsNullOrEmpty(Input.Survey)) ModelState.AddModelError("Input.Survey", "Select the survey");
        if (string.IsNullOrWhiteSpace(Input.Question)) ModelState.AddModelError("Input.Question", "Enter the survey question");
        var fields = Fields;
        if (!int.TryParse(Input.Respondents?.Trim(), out var respondents))
        {
            ModelState.AddModelError("Input.Respondents", "Enter the number of respondents as a whole number, like 120");
            // The service would measure those agreeing against no respondents at all: nothing worth saying.
            fields = new Dictionary<string, string>(Fields) { ["agreeing"] = "Input.Respondents" };
        }
        if (!int.TryParse(Input.Agreeing?.Trim(), out var agreeing))
            ModelState.AddModelError("Input.Agreeing", "Enter how many respondents agreed as a whole number, like 84");
        var target = (Input.Target ?? "").Split('|');
        var request = new RecordSurveyResultRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            InspectionId = id, Survey = Input.Survey ?? "", Question = Input.Question?.Trim() ?? "", Respondents = respondents, Agreeing = agreeing,
            StandardId = target[0], KeyQuestionId = target.Length > 1 ? target[1] : "", RecordedBy = User.RecordedBy(),
        };
        if (!ModelState.IsValid)
        {
            await ModelState.AddServiceChecksAsync(async () => await evidence.RecordSurveyResultAsync(request.ChecksOnly(), new CallOptions(cancellationToken: ct)),
                ServiceNames.OrganisationalEvidence, fields);
            return Page();
        }
        try
        {
            var result = await evidence.RecordSurveyResultAsync(request, new CallOptions(cancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "survey result recorded", result.Survey, $"{result.Question}: {result.Agreeing} of {result.Respondents}", ct);
            TempData["Notice"] = $"Survey result recorded: {result.PercentageAgreeingRounded}% agreeing";
            return Redirect($"/inspections/{id}/evidence");
        }
        catch (RpcException e)
        {
            ModelState.AddServiceError(e, ServiceNames.OrganisationalEvidence, Fields);
            Input.RequestId = Guid.NewGuid().ToString();
            return Page();
        }
    }

    private async Task LoadAsync(string id, CancellationToken ct)
    {
        InspectionId = id;
        Standards = (await evidence.ListOrganisationalStandardsAsync(new ListOrganisationalStandardsRequest { InspectionId = id }, new CallOptions(cancellationToken: ct))).Standards;
    }
}
