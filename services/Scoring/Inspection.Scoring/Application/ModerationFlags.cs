using Inspection.Domain.Vocabularies;
using Inspection.Scoring.Domain.Assessments;
using Inspection.Scoring.Domain.Frameworks;

namespace Inspection.Scoring.Application;

/// <summary>
/// Moderation that counts (issue 22): ListModerationFlags (every flag of the assessments that count, with its
/// resolution) and ResolveModerationFlag: "answer kept" records the note on the answers the flag was raised on;
/// "answer changed" records the case's assessment with the key question's answer changed, and the resolution, in one
/// transaction (a correction with its reason once the inspection is published). Safe to retry through the ledger.
/// </summary>
public sealed class ModerationFlags(
    ModerationStore store,
    CaseAssessmentStore assessments,
    CaseAssessments caseAssessments,
    InspectionFrameworks frameworks,
    ICaseSampleSource samples,
    RequestLedger ledger,
    PublishedRecord published,
    TimeProvider clock)
{
    /// <summary>What the ledger keeps of a resolution: its id, read back as stored.</summary>
    internal sealed record Resolved(Guid ResolutionId);

    public async Task<IReadOnlyList<ModeratedFlag>> ListAsync(string inspectionId, CancellationToken ct)
    {
        await frameworks.OfAsync(inspectionId, ct);
        return await store.ListAsync(inspectionId, await samples.CurrentSampleOrNullAsync(inspectionId, ct), ct);
    }

    public async Task<ModeratedFlag> ResolveAsync(ResolveModerationFlag command, RequestKey? request, CancellationToken ct)
    {
        (ModerationResolutionWrite Resolution, CaseAssessmentWrite? Change, Framework Framework)? decided = null;
        var resolved = await ledger.OnceAsync(request, LedgerAnswer.Itself<Resolved>(),
            async token =>
            {
                decided = await DecideAsync(command, token);
                return new Resolved(decided.Value.Resolution.Resolution.ResolutionId);
            },
            async (_, connection, transaction) =>
            {
                var (resolution, change, framework) = decided!.Value;
                if (change is not null)
                {
                    await InspectionStore.PinAsync(connection, transaction, command.InspectionId, framework, PinnedInspection.CaseAssessments, ct);
                    await CaseAssessmentStore.WriteAsync(connection, transaction, change, ct);
                }
                await ModerationStore.InsertAsync(connection, transaction, resolution, ct);
            }, ct);
        if (command.Resolution == ModerationResolution.AnswerChanged)
            await published.FollowCorrectionAsync(command.InspectionId, command.CorrectionReason, command.ResolvedBy, ct);
        return await store.GetAsync(resolved.ResolutionId, ct);
    }

    /// <summary>Finds the flag on the case's assessment that counts now (NOT_FOUND without one) and, for "answer
    /// changed", the assessment as it will be, which must no longer contradict.</summary>
    private async Task<(ModerationResolutionWrite, CaseAssessmentWrite?, Framework)> DecideAsync(ResolveModerationFlag command, CancellationToken ct)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(command.InspectionId)) violations.Add(new("inspection_id", "an inspection id is required"));
        if (string.IsNullOrWhiteSpace(command.CaseReference)) violations.Add(new("case_reference", "a case reference is required"));
        if (string.IsNullOrWhiteSpace(command.KeyQuestionId)) violations.Add(new("key_question_id", "a key question id is required"));
        var note = FlagResolutionRules.Note(violations, command.Note);
        if (command.Resolution == ModerationResolution.AnswerChanged && string.IsNullOrWhiteSpace(command.Answer))
            violations.Add(new("answer", "an answer changed needs the key question's answer now"));
        if (string.IsNullOrWhiteSpace(command.ResolvedBy)) violations.Add(new("resolved_by", "who resolves the flag is required"));
        ValidationException.ThrowIfAny(violations);

        var (framework, _) = await frameworks.OfAsync(command.InspectionId, ct);
        var current = await samples.CurrentSampleOrNullAsync(command.InspectionId, ct);
        var stored = current is null ? null : await assessments.FindAsync(command.InspectionId, command.CaseReference, current.SampleId, ct);
        var flag = (stored is not null && current!.Counts(stored.SampleId, stored.CaseReference)
                ? stored.Flags.FirstOrDefault(f => f.KeyQuestionId == command.KeyQuestionId)
                : null)
            ?? throw new NotFoundException("moderation flag", $"{command.CaseReference} {command.KeyQuestionId}");

        var resolution = new FlagResolution(Guid.NewGuid(), command.Resolution, note, command.ResolvedBy.Trim(), clock.GetUtcNow());
        if (command.Resolution == ModerationResolution.AnswerKept)
            return (new ModerationResolutionWrite(command.InspectionId, stored!.SampleId, flag, resolution), null, framework);

        var (change, _) = await caseAssessments.DecideAsync(new CaseAssessmentCommand(
            command.InspectionId, command.CaseReference, FlagResolutionRules.WithAnswer(stored!.Answers, command.KeyQuestionId, command.Answer),
            stored.StaffGrade, stored.AssessedBy, stored.Version, command.CorrectionReason, command.ResolvedBy), ct);
        FlagResolutionRules.RequireContradictionGone(change.Flags, command.KeyQuestionId, command.Answer);
        return (new ModerationResolutionWrite(command.InspectionId, change.SampleId, flag, resolution), change, framework);
    }
}
