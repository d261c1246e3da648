namespace Inspection.Evidence.Domain.Judgements;

/// <summary>
/// The inspectors' rating of one domain-one standard with its reasoning. The decision rules (cap, default)
/// are applied by assessment scoring, which reads these; this keeps what it needs: the rating, the rationale,
/// whether the panel departed from the rules and who agreed it, and whether the judgement is final.
/// Recording again makes a new version; earlier versions are kept.
/// </summary>
public sealed record Judgement(
    string InspectionId,
    string StandardId,
    string Rating,
    string? Rationale,
    bool PanelDeparture,
    string? AgreedBy,
    string State,
    string RecordedBy,
    string? RecordedByRole,
    DateTimeOffset RecordedAt,
    long Version,
    string? CorrectionReason = null)
{
    public const int RationaleMaxLength = 8000;
    public const int CorrectionReasonMaxLength = 2000;

    /// <param name="current">The standard's current judgement for this inspection, if any.</param>
    /// <param name="published">The inspection is published (recommendation tracking says so): a judgement that
    /// changes one already recorded is then a correction of the published report and needs its reason. The first
    /// judgement of a standard of a published inspection transcribes the report (e.g. one published before the system).</param>
    public static Judgement Record(
        string inspectionId, OrganisationalFramework framework, JudgementInput input, Judgement? current, DateTimeOffset now, bool published = false)
    {
        var violations = new List<FieldViolation>();
        var correctionReason = FieldRules.Optional(violations, "correction_reason", input.CorrectionReason, CorrectionReasonMaxLength);
        if (published && current is not null && correctionReason is null)
            throw new PreconditionFailedException(
                $"Inspection {inspectionId} is published: the judgement of standard {current.StandardId} can change only as a correction; give correction_reason (why the published report changes)");

        var standard = framework.FindStandard(violations, input.StandardId);

        if (!framework.IsRatingWord(input.Rating))
            violations.Add(new FieldViolation("rating",
                $"'{input.Rating}' is not a rating word of framework {framework.Id} (expected one of {string.Join(", ", framework.RatingWords)})"));

        if (!JudgementState.IsKnown(input.State))
            violations.Add(new FieldViolation("state", $"'{input.State}' is not a state (expected {JudgementState.Draft} or {JudgementState.Final})"));

        var rationale = FieldRules.Optional(violations, "rationale", input.Rationale, RationaleMaxLength);
        var agreedBy = FieldRules.Optional(violations, "agreed_by", input.AgreedBy);
        var recordedBy = FieldRules.Required(violations, "recorded_by", input.RecordedBy);
        var role = FieldRules.Optional(violations, "recorded_by_role", input.RecordedByRole);

        // A departure is only defensible with its reasons and the name of who agreed it (the report prints both).
        if (input.PanelDeparture)
        {
            if (rationale is null && string.IsNullOrWhiteSpace(input.Rationale))
                violations.Add(new FieldViolation("rationale", "a panel departure needs a written rationale"));
            if (agreedBy is null && string.IsNullOrWhiteSpace(input.AgreedBy))
                violations.Add(new FieldViolation("agreed_by", "a panel departure needs the name of who agreed it"));
        }
        // A final judgement is published with its reasoning.
        if (input.State == JudgementState.Final && !input.PanelDeparture && rationale is null && string.IsNullOrWhiteSpace(input.Rationale))
            violations.Add(new FieldViolation("rationale", "a final judgement needs its rationale"));

        ValidationException.ThrowIfAny(violations);

        var currentVersion = current?.Version ?? 0;
        if (input.ExpectedVersion is { } expected && expected != currentVersion)
            throw new ConcurrencyConflictException(
                $"The judgement of standard {standard!.Id} is at version {currentVersion}, not {expected}: read it again before changing it");
        // The scoring service may already have used a final judgement; a change after that must itself be final.
        if (current is { State: JudgementState.Final } && input.State == JudgementState.Draft)
            throw new PreconditionFailedException($"The judgement of standard {standard!.Id} is final and cannot return to draft");

        return new Judgement(inspectionId, standard!.Id, input.Rating!, rationale, input.PanelDeparture, agreedBy, input.State!,
            recordedBy!, role, now, currentVersion + 1, published ? correctionReason : null);
    }
}
