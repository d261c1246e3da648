using Inspection.Admin.Accounts;
using Inspection.Admin.Forms;
using Inspection.Admin.Status;
using Inspection.Evidence.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Inspection.Grpc.CallOptions;
using RpcException = Inspection.Grpc.RpcException;

namespace Inspection.Admin.Pages.Evidence;

/// <summary>Adds an evidence item to a standard (or one of its key questions): inspectors and above.</summary>
[Authorize(Policy = Policies.Record)]
public sealed class AddModel(OrganisationalEvidence.OrganisationalEvidenceClient evidence, AdminStore audit) : PageModel
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["standard_id"] = "Input.Target", ["key_question_id"] = "Input.Target", ["source"] = "Input.Source", ["evidence_date"] = "Input.Date",
        ["summary"] = "Input.Summary", ["finding"] = "Input.Finding", ["case_references"] = "Input.Cases",
    };

    public static readonly IReadOnlyList<(string Code, string Name)> Sources =
    [
        ("practitioner_interview", "Practitioner interview"), ("manager_meeting", "Manager meeting"), ("focus_group", "Focus group"),
        ("partner_meeting", "Partner meeting"), ("staff_survey", "Staff survey"), ("people_on_probation_survey", "People on probation survey"),
        ("sentencer_survey", "Sentencer survey"), ("data_return", "Provider's data return"), ("document", "Document"), ("presentation", "Presentation"),
    ];

    public string InspectionId { get; private set; } = "";
    public IReadOnlyList<OrganisationalStandard> Standards { get; private set; } = [];
    [BindProperty] public EvidenceInput Input { get; set; } = new();

    public async Task OnGetAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Input.RequestId = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (string.IsNullOrEmpty(Input.Target)) ModelState.AddModelError("Input.Target", "Select the standard or key question");
        if (string.IsNullOrWhiteSpace(Input.Summary)) ModelState.AddModelError("Input.Summary", "Enter what the evidence shows");
        if (string.IsNullOrEmpty(Input.Finding)) ModelState.AddModelError("Input.Finding", "Select whether it is a strength or an area for improvement");
        if (!ModelState.IsValid) return Page();
        var target = Input.Target!.Split('|');
        var request = new AddEvidenceRequest
        {
            RequestId = string.IsNullOrEmpty(Input.RequestId) ? Guid.NewGuid().ToString() : Input.RequestId,
            InspectionId = id, StandardId = target[0], KeyQuestionId = target.Length > 1 ? target[1] : "",
            Source = Input.Source ?? "", EvidenceDate = Input.Date?.Trim() ?? "", Summary = Input.Summary!.Trim(), Finding = Input.Finding!,
            RecordedBy = User.RecordedBy(),
        };
        request.CaseReferences.AddRange((Input.Cases ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        try
        {
            var item = await evidence.AddEvidenceAsync(request, new CallOptions(CancellationToken: ct));
            await audit.AppendAuditAsync(User.RecordedBy(), "evidence added", $"standard {item.StandardId}", item.Summary, ct);
            TempData["Notice"] = "Evidence added";
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
        Standards = (await evidence.ListOrganisationalStandardsAsync(new ListOrganisationalStandardsRequest { InspectionId = id }, new CallOptions(CancellationToken: ct))).Standards;
    }

    public sealed class EvidenceInput
    {
        public string? Target { get; set; }
        public string? Source { get; set; }
        public string? Date { get; set; }
        public string? Summary { get; set; }
        public string? Finding { get; set; }
        public string? Cases { get; set; }
        public string? RequestId { get; set; }
    }
}
