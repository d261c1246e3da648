using Inspection.Evidence.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using CallOptions = Grpc.Core.CallOptions;

namespace Inspection.Admin.Pages.Evidence;

/// <summary>The fields an evidence item is added or changed with (Pages/Evidence/_EvidenceFields.cshtml), their checks and their proto names.</summary>
public abstract class EvidenceFormModel(OrganisationalEvidence.OrganisationalEvidenceClient evidence) : PageModel
{
    protected static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
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

    protected OrganisationalEvidence.OrganisationalEvidenceClient Evidence { get; } = evidence;

    public string InspectionId { get; protected set; } = "";
    public IReadOnlyList<OrganisationalStandard> Standards { get; private set; } = [];
    [BindProperty] public EvidenceInput Input { get; set; } = new();

    protected async Task LoadStandardsAsync(string inspectionId, CancellationToken ct)
    {
        InspectionId = inspectionId;
        Standards = (await Evidence.ListOrganisationalStandardsAsync(new ListOrganisationalStandardsRequest { InspectionId = inspectionId }, new CallOptions(cancellationToken: ct))).Standards;
    }

    /// <summary>The admin's own checks, before anything is sent: the service checks everything again.</summary>
    protected void CheckInput()
    {
        if (string.IsNullOrEmpty(Input.Target)) ModelState.AddModelError("Input.Target", "Select the standard or key question");
        EvidenceDate = Input.Date.Read(ModelState, "Input.Date", "Date", required: true);
        if (string.IsNullOrWhiteSpace(Input.Summary)) ModelState.AddModelError("Input.Summary", "Enter what the evidence shows");
        if (string.IsNullOrEmpty(Input.Finding)) ModelState.AddModelError("Input.Finding", "Select whether it is a strength or an area for improvement");
    }

    /// <summary>The date as the service takes it, once <see cref="CheckInput"/> has read it.</summary>
    protected string? EvidenceDate { get; private set; }

    /// <summary>The standard and key question chosen; empty when none was (the admin's own check says so).</summary>
    protected (string StandardId, string KeyQuestionId) Target()
    {
        var target = (Input.Target ?? "").Split('|');
        return (target[0], target.Length > 1 ? target[1] : "");
    }

    protected IEnumerable<string> CaseReferences() =>
        (Input.Cases ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    protected static string NewRequestId() => Guid.NewGuid().ToString();
}
