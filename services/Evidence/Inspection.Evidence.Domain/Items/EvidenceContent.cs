using Inspection.Domain.Dates;
namespace Inspection.Evidence.Domain.Items;

/// <summary>What one piece of evidence says, checked against the inspection's framework.</summary>
public sealed record EvidenceContent(
    string StandardId,
    string? KeyQuestionId,
    string Source,
    DateOnly EvidenceDate,
    string Summary,
    string Finding,
    IReadOnlyList<string> CaseReferences,
    string? EvidenceSubsection)
{
    public const int SummaryMaxLength = 4000;
    public const int CaseReferenceMaxLength = 64;
    public const int MaxCaseReferences = 200;

    /// <summary>
    /// Checks the input against the framework, and its date against <paramref name="today"/> (in England: evidence is
    /// gathered, so its date is not in the future); throws one ValidationException listing every wrong field.
    /// </summary>
    public static (EvidenceContent Content, string RecordedBy) Create(OrganisationalFramework framework, EvidenceInput input, DateOnly today)
    {
        var violations = new List<FieldViolation>();

        var standard = framework.FindStandard(violations, input.StandardId);

        var keyQuestionId = string.IsNullOrWhiteSpace(input.KeyQuestionId) ? null : input.KeyQuestionId.Trim();
        if (keyQuestionId is not null && standard is not null && standard.FindKeyQuestion(keyQuestionId) is null)
            violations.Add(new FieldViolation("key_question_id", standard.KeyQuestions.Count == 0
                ? $"standard {standard.Id} of framework {framework.Id} has no key questions: evidence attaches to the standard itself"
                : $"'{keyQuestionId}' is not a key question of standard {standard.Id} (expected one of {string.Join(", ", standard.KeyQuestions.Select(k => k.Id))})"));

        var subsection = string.IsNullOrWhiteSpace(input.EvidenceSubsection) ? null : input.EvidenceSubsection.Trim();
        if (subsection is not null && standard is not null && !standard.EvidenceSubsections.Contains(subsection, StringComparer.Ordinal))
            violations.Add(new FieldViolation("evidence_subsection", standard.EvidenceSubsections.Count == 0
                ? $"standard {standard.Id} has no evidence subsections"
                : $"'{subsection}' is not an evidence subsection of standard {standard.Id} (expected one of {string.Join("; ", standard.EvidenceSubsections)})"));

        if (!EvidenceSource.IsKnown(input.Source))
            violations.Add(new FieldViolation("source", $"'{input.Source}' is not a source of evidence (expected one of {string.Join(", ", EvidenceSource.All)})"));

        if (!Items.Finding.IsKnown(input.Finding))
            violations.Add(new FieldViolation("finding", $"'{input.Finding}' is not a finding (expected {Items.Finding.Strength} or {Items.Finding.AreaForImprovement})"));

        var date = FieldRules.Date(violations, "evidence_date", input.EvidenceDate);
        NotInTheFuture.Check(violations, "evidence_date", "The date of the evidence", date, today);
        var summary = FieldRules.Required(violations, "summary", input.Summary, SummaryMaxLength);
        var recordedBy = FieldRules.Required(violations, "recorded_by", input.RecordedBy);
        var caseReferences = CheckCaseReferences(violations, input.CaseReferences);

        ValidationException.ThrowIfAny(violations);
        return (new EvidenceContent(standard!.Id, keyQuestionId, input.Source!, date!.Value, summary!, input.Finding!, caseReferences, subsection), recordedBy!);
    }

    private static List<string> CheckCaseReferences(List<FieldViolation> violations, IReadOnlyList<string> references)
    {
        if (references.Count > MaxCaseReferences)
            violations.Add(new FieldViolation("case_references", $"at most {MaxCaseReferences} case references"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i]?.Trim();
            var field = $"case_references[{i}]";
            if (string.IsNullOrEmpty(reference))
                violations.Add(new FieldViolation(field, "is empty"));
            else if (reference.Length > CaseReferenceMaxLength)
                violations.Add(new FieldViolation(field, $"is longer than {CaseReferenceMaxLength} characters"));
            else if (!seen.Add(reference))
                violations.Add(new FieldViolation(field, $"'{reference}' is listed twice"));
            else
                result.Add(reference);
        }
        return result;
    }
}
